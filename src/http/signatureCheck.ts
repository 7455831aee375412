/** What a verifier concludes; a reason is a fixed phrase, safe to log (it never repeats a signature or secret). */
export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Both platforms sign with a fresh timestamp and refuse anything more than five minutes either side of now. */
export const SIGNATURE_WINDOW_SECONDS = 300;

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * The checks on a signed request's timestamp header that need no body: present, Unix seconds, and within
 * the window either side of `nowSeconds` (a timestamp from the future is as suspect as a stale one).
 */
export function checkTimestamp(timestamp: string | undefined, nowSeconds: number): SignatureCheck {
  if (!timestamp) return { ok: false, reason: "missing signature headers" };
  if (!UNIX_SECONDS.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return { ok: false, reason: "timestamp outside the five-minute window" };
  }
  return { ok: true };
}

/**
 * When a signature with this timestamp stops being accepted: the replay guard must remember the request
 * until then (the last accepted whole second is timestamp + window).
 */
export function signatureExpiresAtMs(timestamp: string): number {
  return (Number(timestamp) + SIGNATURE_WINDOW_SECONDS + 1) * 1000;
}
