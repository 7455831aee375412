import { createHash } from "node:crypto";

/**
 * Who asked or voted, as a key that tells people apart without naming them: the question log and the votes
 * never hold a user's name or id, only this (to count distinct askers and keep one vote per person).
 */
export function pseudonym(platform: string, userId: string): string {
  return createHash("sha256").update(`ground-truth-user\u0000${platform}\u0000${userId}`).digest("base64url").slice(0, 22);
}
