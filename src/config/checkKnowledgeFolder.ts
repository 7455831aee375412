import { stat } from "node:fs/promises";
import path from "node:path";

/**
 * Why the knowledge folder cannot be used, in one line naming where it was set (`KNOWLEDGE_DIR`,
 * `--knowledge`, or nothing for the default), or null when it is a folder. Checked before anything starts: a
 * mistyped folder would otherwise give a bot, a manifest or a listing with no documents.
 */
export async function checkKnowledgeFolder(directory: string, setBy?: string): Promise<string | null> {
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
