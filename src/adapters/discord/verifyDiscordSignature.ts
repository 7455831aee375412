import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** The DER header of an Ed25519 SubjectPublicKeyInfo: node:crypto wants SPKI, Discord gives the bare 32 bytes. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Discord signs with a fresh timestamp; anything older is a replay, anything far ahead a broken clock. */
export const DISCORD_SIGNATURE_MAX_AGE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export interface DiscordSignatureInput {
  /** `X-Signature-Ed25519`: 64 bytes as hex. */
  signature: string | undefined;
  /** `X-Signature-Timestamp`: Unix seconds. */
  timestamp: string | undefined;
  /** The body exactly as received, before any parsing. */
  rawBody: Buffer;
  /** Injectable clock, for tests. */
  now?: () => Date;
}

/** The application's public key (64 hex characters from the Developer Portal) as a key node:crypto can verify with. */
export function createDiscordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("The Discord public key must be 64 hexadecimal characters.");
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

/**
 * Checks that a request came from Discord: an Ed25519 signature over timestamp + raw body, and a timestamp within
 * five minutes of now. Reasons are safe to log; they never repeat the signature.
 */
export function verifyDiscordSignature(publicKey: KeyObject, input: DiscordSignatureInput): SignatureCheck {
  const { signature, timestamp, rawBody } = input;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: "malformed signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  const nowSeconds = Math.floor((input.now?.() ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > DISCORD_SIGNATURE_MAX_AGE_SECONDS) {
    return { ok: false, reason: "timestamp outside the five-minute window" };
  }
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), rawBody]);
  const valid = verify(null, signed, publicKey, Buffer.from(signature, "hex"));
  return valid ? { ok: true } : { ok: false, reason: "signature does not match" };
}
