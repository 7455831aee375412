import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { checkTimestamp, SIGNATURE_WINDOW_SECONDS, type SignatureCheck } from "../../http/signatureCheck.js";

/** The DER header of an Ed25519 SubjectPublicKeyInfo: node:crypto wants SPKI, Discord gives the bare 32 bytes. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Discord signs with a fresh timestamp; anything older is a replay, anything far ahead a broken clock. */
export const DISCORD_SIGNATURE_MAX_AGE_SECONDS = SIGNATURE_WINDOW_SECONDS;

export type { SignatureCheck };

const SIGNATURE = /^[0-9a-f]{128}$/i;

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
 * The checks that need no body, so a request failing them is refused before it is read: both headers present,
 * the signature 64 bytes of hex, the timestamp Unix seconds within five minutes either side of now.
 */
export function checkDiscordHeaders(signature: string | undefined, timestamp: string | undefined, now?: () => Date): SignatureCheck {
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!SIGNATURE.test(signature)) return { ok: false, reason: "malformed signature" };
  return checkTimestamp(timestamp, Math.floor((now?.() ?? new Date()).getTime() / 1000));
}

/**
 * Checks that a request came from Discord: an Ed25519 signature over timestamp + raw body, and a timestamp within
 * five minutes of now. Reasons are safe to log; they never repeat the signature.
 */
export function verifyDiscordSignature(publicKey: KeyObject, input: DiscordSignatureInput): SignatureCheck {
  const { signature, timestamp, rawBody } = input;
  const headers = checkDiscordHeaders(signature, timestamp, input.now);
  if (!headers.ok) return headers;
  const signed = Buffer.concat([Buffer.from(timestamp!), rawBody]);
  const valid = verify(null, signed, publicKey, Buffer.from(signature!, "hex"));
  return valid ? { ok: true } : { ok: false, reason: "signature does not match" };
}
