/** `npm run readme`: rewrites the README's generated blocks (commands table, session) from the code. */
import { readFileSync, writeFileSync } from "node:fs";
import { generatedCommandTable, generatedSession, generatedThread, withReadmeBlock } from "./readmeBlocks.js";

const before = readFileSync("README.md", "utf8");
let after = withReadmeBlock(before, "commands", await generatedCommandTable());
after = withReadmeBlock(after, "session", await generatedSession());
after = withReadmeBlock(after, "thread", await generatedThread());
if (after !== before) writeFileSync("README.md", after);
process.stdout.write(after === before ? "README.md is up to date.\n" : "README.md updated.\n");
