import { errorReply, noticeReply } from "../../reply/builders.js";
import type { ChannelSettings, ChannelSettingsChange } from "../../store/usageRecords.js";
import type { CommandDefinition, CommandOption } from "../registry/types.js";

/** Commands that can never be turned off in a channel: without them an admin could not turn anything back on. */
export const ALWAYS_ON_COMMANDS: readonly string[] = ["settings", "help"];

const RESET = ["default", "reset", "none", "clear"];

const options: CommandOption[] = [
  { name: "document", description: "The document commands use here when none is named (or: default)", kind: "text", autocomplete: "documents" },
  { name: "answers", description: "Answers here are private or public by default (or: default)", kind: "text" },
  { name: "off", description: "Commands turned off here, e.g. debate, timer (or: none)", kind: "text" },
  { name: "mentions", description: "Whether the bot answers when mentioned here: on or off", kind: "text" },
];

/**
 * `/settings` (admins only): shows this channel's settings, or changes them. Kept in the store, so every
 * instance applies them to every command and button in the channel at once.
 */
export function createSettingsCommand(commandNames: () => readonly string[]): CommandDefinition {
  return {
    name: "settings",
    description: "Admins: this channel's default document, private or public answers, commands on, mentions",
    usage: "[document: name] [answers: public] [off: debate] [mentions: off]",
    options,
    adminOnly: true,
    handler: async ({ args, channel, state, knowledge }) => {
      if (!channel) return errorReply("Run it in a channel", "Settings belong to a channel: run /settings in the channel they are for.");
      if (!state) return errorReply("No settings here", "This bot keeps no store, so channel settings cannot be kept.");
      const parsed = readChange(args, commandNames(), (name) => knowledge.document(name)?.id);
      if ("problem" in parsed) return errorReply("Setting not changed", parsed.problem);
      try {
        const changed = Object.keys(parsed.change).length > 0;
        const settings = changed ? await state.channelSettings.update(channel, parsed.change) : await state.channelSettings.get(channel);
        return noticeReply(changed ? "Channel settings saved" : "Channel settings", describeSettings(settings), {
          footer: "Change one with, for example: /settings answers: public, or /settings off: debate, timer",
        });
      } catch {
        return errorReply("Settings unavailable", "The store that keeps channel settings is not answering right now. Try again in a minute.");
      }
    },
  };
}

type Parsed = { change: ChannelSettingsChange } | { problem: string };

function readChange(args: Readonly<Record<string, string | undefined>>, commands: readonly string[], documentId: (name: string) => string | undefined): Parsed {
  const change: ChannelSettingsChange = {};
  const value = (name: string) => args[name]?.trim().toLowerCase();
  if (args.document?.trim()) {
    if (RESET.includes(value("document")!)) change.document = null;
    else {
      const id = documentId(args.document.trim().slice(0, 200));
      if (!id) return { problem: `There is no document "${args.document.trim().slice(0, 80)}". /docs lists them.` };
      change.document = id;
    }
  }
  const answers = value("answers");
  if (answers) {
    if (answers === "private" || answers === "public") change.visibility = answers;
    else if (RESET.includes(answers)) change.visibility = null;
    else return { problem: "answers: is private or public (or default)." };
  }
  const off = value("off");
  if (off) {
    if (RESET.includes(off)) change.disabledCommands = null;
    else {
      const names = [...new Set(off.split(/[\s,]+/).map((name) => name.replace(/^\//, "")).filter(Boolean))];
      const unknown = names.filter((name) => !commands.includes(name));
      if (unknown.length > 0) return { problem: `There is no /${unknown[0]!.slice(0, 40)} command. /help lists them.` };
      const locked = names.filter((name) => ALWAYS_ON_COMMANDS.includes(name));
      if (locked.length > 0) return { problem: `/${locked[0]} cannot be turned off.` };
      change.disabledCommands = names;
    }
  }
  const mentions = value("mentions");
  if (mentions) {
    if (mentions === "on" || mentions === "off") change.answerMentions = mentions === "on";
    else if (RESET.includes(mentions)) change.answerMentions = null;
    else return { problem: "mentions: is on or off." };
  }
  return { change };
}

export function describeSettings(settings: ChannelSettings): string {
  return [
    `Default document: ${settings.document ?? "none (asked when several are loaded)"}.`,
    `Answers: ${settings.visibility ?? "private"} by default.`,
    `Commands off: ${settings.disabledCommands?.length ? settings.disabledCommands.map((name) => `/${name}`).join(", ") : "none"}.`,
    `Answers mentions: ${settings.answerMentions === false ? "no" : "yes"}.`,
  ].join("\n");
}
