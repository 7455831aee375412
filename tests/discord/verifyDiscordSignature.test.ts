import { describe, expect, it } from "vitest";
import { createDiscordPublicKey, verifyDiscordSignature } from "../../src/platforms/discord/verify.js";
import { createTestKeyPair, signBody } from "./signedInteractions.js";

const keys = createTestKeyPair();
const publicKey = createDiscordPublicKey(keys.publicKeyHex);
const body = '{"type":1}';
const signedAt = 1_750_000_000;
const at = (seconds: number) => () => new Date(seconds * 1000);
const signature = signBody(keys.privateKey, String(signedAt), body);

describe("verifyDiscordSignature", () => {
  it("accepts Discord's signature over timestamp + raw body within five minutes either way", () => {
    for (const now of [signedAt, signedAt + 300, signedAt - 300]) {
      expect(verifyDiscordSignature(publicKey, { signature, timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(now) })).toEqual({ ok: true });
    }
  });

  it("refuses with a reason that never repeats the signature", () => {
    const cases: Array<[string, Parameters<typeof verifyDiscordSignature>[1]]> = [
      ["stale", { signature, timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(signedAt + 301) }],
      ["from the future", { signature, timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(signedAt - 301) }],
      ["no signature", { signature: undefined, timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(signedAt) }],
      ["no timestamp", { signature, timestamp: undefined, rawBody: Buffer.from(body), now: at(signedAt) }],
      ["not hex", { signature: "z".repeat(128), timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(signedAt) }],
      ["one byte short", { signature: signature.slice(0, 126), timestamp: String(signedAt), rawBody: Buffer.from(body), now: at(signedAt) }],
      ["timestamp not a number", { signature, timestamp: "soon", rawBody: Buffer.from(body), now: at(signedAt) }],
      ["other timestamp", { signature, timestamp: String(signedAt + 1), rawBody: Buffer.from(body), now: at(signedAt) }],
      ["other body", { signature, timestamp: String(signedAt), rawBody: Buffer.from('{"type":2}'), now: at(signedAt) }],
    ];
    for (const [what, input] of cases) {
      const result = verifyDiscordSignature(publicKey, input);
      expect(result.ok, what).toBe(false);
      expect(JSON.stringify(result)).not.toContain(signature.slice(0, 16));
    }
  });

  it("refuses a public key that is not 32 bytes of hex at startup", () => {
    expect(() => createDiscordPublicKey(keys.publicKeyHex.slice(2))).toThrow(/64 hexadecimal/);
    expect(() => createDiscordPublicKey(`${keys.publicKeyHex.slice(1)}g`)).toThrow(/64 hexadecimal/);
  });
});
