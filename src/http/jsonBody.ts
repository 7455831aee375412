import { memoizeForFrozen } from "../reply/freeze.js";

/**
 * A response body: JSON, encoded as UTF-8. A frozen value (a cached reply's rendering) is serialised and
 * encoded once and the bytes kept with it, so a repeated command's answer costs no JSON or encoding work.
 */
export const jsonBody: (value: object) => Buffer = memoizeForFrozen((value: object) => Buffer.from(JSON.stringify(value)));
