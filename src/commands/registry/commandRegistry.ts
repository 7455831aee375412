import { randomBytes } from "node:crypto";
import type { KnowledgeBase } from "../../knowledge/index.js";
import { removeControlCharacters } from "../../text/normalizeText.js";
import { decodeInvocation, encodeInvocationIntact } from "../../reply/invocation.js";
import { parseCommandText } from "./parseCommandText.js";
import type { Reply } from "../../reply/types.js";
import { DEFAULT_REPLY_CACHE_SIZE, ReplyCache } from "./replyCache.js";
import type { CommandDefinition, CommandRequest, CommandState, CommandUser, PlatformTraits } from "./types.js";
import { errorReply, isAnswer } from "../../reply/builders.js";
import { HELP_COMMAND } from "../core/help.js";

/** Typed text beyond this is cut before any handler sees it: no question needs more. */
export const MAX_INPUT_LENGTH = 2000;

export interface CommandRegistryOptions {
  now?: () => Date;
  /** Called when a handler throws; the user sees only an apology with the same reference id. */
  onError?: (error: unknown, referenceId: string, request: CommandRequest) => void;
  /** Replies of cacheable commands kept for reuse (least recently used out first); 0 keeps none. */
  replyCacheSize?: number;
  /** The app's store, handed to commands that need it (/insights, /settings). */
  state?: CommandState;
}

/**
 * Every command, defined once. Adapters hand it a neutral request and render the neutral reply it returns;
 * Slack's manifest, Discord's registration and /help are generated from `list()`.
 */
export class CommandRegistry {
  private readonly byName: Map<string, CommandDefinition>;
  private readonly now: () => Date;
  private readonly replies: ReplyCache | undefined;

  constructor(
    private readonly commands: readonly CommandDefinition[],
    private readonly knowledge: () => KnowledgeBase,
    private readonly options: CommandRegistryOptions = {},
  ) {
    this.byName = new Map(commands.map((command) => [command.name, command]));
    this.now = options.now ?? (() => new Date());
    const cacheSize = options.replyCacheSize ?? DEFAULT_REPLY_CACHE_SIZE;
    this.replies = cacheSize > 0 ? new ReplyCache(cacheSize) : undefined;
  }

  list(): readonly CommandDefinition[] {
    return this.commands;
  }

  get(name: string): CommandDefinition | undefined {
    return this.byName.get(normalizeCommandName(name));
  }

  /** Runs a command. Never throws: bad input, unknown commands and failures all come back as replies. */
  async run(request: CommandRequest): Promise<Reply> {
    const definition = this.get(request.command);
    if (!definition) return unknownCommandReply(request.command, this.commands);
    const text = cleanInput(request.text ?? "");
    const given: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.args ?? {})) {
      if (value !== undefined && value !== "") given[key] = cleanInput(value);
    }
    const page = Math.max(0, Math.min(request.page ?? 0, 1000));
    const knowledge = this.knowledge();
    // Keyed by what was typed, so a repeated command is answered before its text is even parsed.
    const cacheKey = definition.cacheable && this.replies ? { command: definition.name, text, args: given, page, platform: request.platform.name } : undefined;
    const cached = cacheKey && this.replies!.get(knowledge, cacheKey);
    if (cached) return cached;
    const args = declaredArgs(definition, { ...parseCommandText(definition, text), ...given });
    try {
      if (definition.adminOnly && !(await isAdmin(request.user))) return adminsOnlyReply(definition.name);
      const reply = await definition.handler({
        command: definition.name,
        args,
        user: request.user,
        platform: request.platform,
        knowledge,
        now: this.now,
        page,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(this.options.state ? { state: this.options.state } : {}),
      });
      const answer = this.withShareButton(definition, reply, args, page);
      return cacheKey ? this.replies!.set(knowledge, cacheKey, answer) : answer;
    } catch (error) {
      const referenceId = randomBytes(4).toString("hex");
      this.options.onError?.(error, referenceId, request);
      return errorReply("Something went wrong", `Sorry, that command failed on our side. If it keeps happening, mention reference ${referenceId}.`);
    }
  }

  /**
   * Errors are private; a private answer gets a Share button when its invocation fits in one. Only answers:
   * a notice ("Which document?", the command list) speaks to the asker and means nothing to the channel.
   */
  private withShareButton(definition: CommandDefinition, reply: Reply, args: Record<string, string | undefined>, page: number): Reply {
    if (reply.kind === "error") return { ...reply, visibility: "private" };
    if (reply.share || reply.visibility === "public" || !isAnswer(reply)) return reply;
    const share = encodeInvocationIntact({ command: definition.name, args, page, share: true });
    return share ? { ...reply, share } : reply;
  }

  /** Runs the invocation a button carries ("More", "Share in channel", "Another motion"). */
  async runInvocation(value: string, user: CommandUser, platform: PlatformTraits, where: { channel?: string } = {}): Promise<Reply> {
    const invocation = decodeInvocation(value);
    if (!invocation) {
      return errorReply("That button has expired", "Run the command again.");
    }
    const reply = await this.run({ command: invocation.command, args: invocation.args, page: invocation.page, user, platform, ...(where.channel ? { channel: where.channel } : {}) });
    // Only an answer is shared: a notice that stands in for it (the rate limit's "One moment") stays private.
    if (!invocation.share || !isAnswer(reply)) return reply;
    // A shared reply is the same answer, posted for the channel: no Share button on it.
    return { ...reply, visibility: "public", share: undefined };
  }

  /**
   * Autocomplete choices for one option (at most 25). `document` is the document already chosen in another
   * option, as typed (an id or a title): choices then come from that document only.
   */
  complete(command: string, option: string, partial: string, document?: string): string[] {
    const kind = this.get(command)?.options.find((o) => o.name === option)?.autocomplete;
    if (!kind) return [];
    const knowledge = this.knowledge();
    const documentId = kind !== "documents" && document?.trim() ? knowledge.document(cleanInput(document).slice(0, 100))?.id : undefined;
    return knowledge.complete(kind, cleanInput(partial).slice(0, 100), documentId);
  }
}

export function normalizeCommandName(name: string): string {
  return name.trim().replace(/^\//, "").toLowerCase();
}

/** The arguments the command declares (its options and button arguments); anything else a request carries is dropped. */
function declaredArgs(definition: CommandDefinition, args: Record<string, string>): Record<string, string | undefined> {
  const declared: Record<string, string | undefined> = {};
  for (const { name } of [...definition.options, ...(definition.buttonArgs ?? [])]) if (args[name] !== undefined) declared[name] = args[name];
  return declared;
}

/** A platform that cannot say (or fails to) makes no one an admin. */
async function isAdmin(user: CommandUser): Promise<boolean> {
  try {
    return (await user.isAdmin?.()) === true;
  } catch {
    return false;
  }
}

function adminsOnlyReply(command: string): Reply {
  return errorReply("Admins only", `Only the admins of this workspace or server can use /${command}.`);
}

function cleanInput(text: string): string {
  return removeControlCharacters(text.normalize("NFC")).slice(0, MAX_INPUT_LENGTH).trim();
}

function unknownCommandReply(command: string, commands: readonly CommandDefinition[]): Reply {
  const shown = cleanInput(command).slice(0, 40);
  return errorReply("Unknown command", `There is no /${shown} command. Try /${HELP_COMMAND} to see what I can do.`, {
    fields: [{ label: "Commands", value: commands.map((c) => `/${c.name}`).join(", ") }],
  });
}
