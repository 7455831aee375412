import { commandsFor, type CommandDefinition } from "../commands/index.js";
import { checkKnowledgeFolder, type KnowledgeFolder } from "../config/knowledgeFolder.js";
import { loadKnowledge } from "../knowledge/index.js";
import type { ScriptIo } from "./runScript.js";

/**
 * Every command for the documents in a folder, as a platform will register them (documents bring topic commands
 * of their own), for the tools that publish the command list (`slack:manifest`, `discord:register`). Files that
 * fail to load are named on stderr; a folder that cannot be used is one line there, and null.
 */
export async function commandsOfFolder(folder: KnowledgeFolder, script: string, io: ScriptIo): Promise<CommandDefinition[] | null> {
  const problem = await checkKnowledgeFolder(folder);
  if (problem) {
    io.stderr(`${script}: ${problem}\n`);
    return null;
  }
  const knowledge = await loadKnowledge(folder.directory);
  for (const error of knowledge.errors) io.stderr(`knowledge: ${error.file}: ${error.message}\n`);
  return commandsFor(knowledge);
}
