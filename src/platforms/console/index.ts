export { startConsole, type ConsoleOptions, type ConsoleSession } from "./startConsole.js";
export { parseConsoleLine, type ConsoleLine } from "./parseConsoleLine.js";
export { completeConsoleLine } from "./completeConsoleLine.js";
