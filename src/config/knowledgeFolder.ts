import { stat } from "node:fs/promises";
import path from "node:path";
import type { Environment } from "./environment.js";

/** Where the documents are when nothing says otherwise: `knowledge/` in the folder the bot runs from. */
export const DEFAULT_KNOWLEDGE_DIR = "knowledge";

export interface KnowledgeFolder {
  directory: string;
  /** What chose it (`--knowledge`, `KNOWLEDGE_DIR`), for a problem line; undefined for the default. */
  setBy?: "--knowledge" | "KNOWLEDGE_DIR";
}

/** The knowledge folder a script uses: its `--knowledge` flag, else KNOWLEDGE_DIR, else the default. */
export function knowledgeFolderOf(env: Environment, flag?: string): KnowledgeFolder {
  if (flag !== undefined) return { directory: flag, setBy: "--knowledge" };
  const fromEnvironment = env.KNOWLEDGE_DIR?.trim();
  return fromEnvironment ? { directory: fromEnvironment, setBy: "KNOWLEDGE_DIR" } : { directory: DEFAULT_KNOWLEDGE_DIR };
}

/**
 * Why the knowledge folder cannot be used, in one line naming where it was set (`KNOWLEDGE_DIR`,
 * `--knowledge`, or nothing for the default), or null when it is a folder. Checked before anything starts: a
 * mistyped folder would otherwise give a bot, a manifest or a listing with no documents.
 */
export async function checkKnowledgeFolder({ directory, setBy }: KnowledgeFolder): Promise<string | null> {
  const where = `${setBy ? `${setBy} "${directory}"` : `The default knowledge folder "${directory}"`} (${path.resolve(directory)})`;
  const fix = setBy ? `set ${setBy} to the folder that holds your documents` : "run from the project folder, or set KNOWLEDGE_DIR";
  try {
    const found = await stat(directory);
    return found.isDirectory() ? null : `${where} is a file, not a folder: ${fix}.`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return `${where} does not exist: ${fix}.`;
    return `${where} cannot be read (${code ?? String(error)}).`;
  }
}
