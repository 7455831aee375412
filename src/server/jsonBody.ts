import { memoizeForFrozen } from "../commands/frozenValues.js";

/**
 * A response body as JSON text. A frozen value (a cached reply's rendering) is serialised once and the text
 * kept with it: a repeated command's answer costs no JSON work.
 */
export const jsonBody: (value: object) => string = memoizeForFrozen((value: object) => JSON.stringify(value));
