import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** The format's version, first in every sealed value, so a later change of cipher can still open older ones. */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals installations (they hold bot tokens) before they reach the store: AES-256-GCM with a fresh 96-bit nonce
 * per value, the record's key as additional data (a sealed value copied under another workspace's key does not
 * open), and a key derived with HKDF-SHA256 from a secret in the environment. Anyone who reads the SQLite file
 * or the Redis keys sees only `v1.<nonce>.<ciphertext>.<tag>`.
 */
export class InstallationSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new RangeError("the installation key's secret must be at least 32 characters");
    this.key = Buffer.from(hkdfSync("sha256", secret, "ground-truth", "slack installations v1", 32));
  }

  seal(recordKey: string, plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(recordKey));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
  }

  /** The plain text, or undefined when the value was sealed with another key, for another record, or changed. */
  open(recordKey: string, sealed: string): string | undefined {
    const [version, iv, body, tag] = sealed.split(".");
    if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) return undefined;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(recordKey));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      return undefined;
    }
  }
}
