import type { IncomingMessage, ServerResponse } from "node:http";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import type { Conversation } from "../../conversation/index.js";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { createRateLimitedLog } from "../../http/rateLimitedLog.js";
import { readBody } from "../../http/readBody.js";
import { MemoryReplayGuard, type ReplayGuard } from "../../http/replayGuard.js";
import { signatureExpiresAtMs } from "../../http/signatureCheck.js";
import { sendJson } from "../../http/sendJson.js";
import { createMemoryButtonKeys, resolveButtonKey, type ButtonKeyStore } from "./buttonKeys.js";
import { interactionWebhook } from "./discordWebhook.js";
import { handleInteraction } from "./handleInteraction.js";
import { DEFER_AFTER_MS, deferralFor, deliverLateResponse, raceDeadline } from "./respondLate.js";
import type { KeepTimers } from "./keepTimers.js";
import { createFollowUpScheduler } from "./scheduleFollowUps.js";
import { discordTraits, discordWebhookTraits } from "./traits.js";
import { checkDiscordHeaders, createDiscordPublicKey, verifyDiscordSignature } from "./verify.js";

/** Where Discord is told to send interactions (the Developer Portal's "Interactions Endpoint URL"). */
// Stryker disable next-line all: the route, not the verifier.
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";
/** Interactions are a few kilobytes; anything near this is not from Discord. */
export const MAX_INTERACTION_BODY_BYTES = 1024 * 1024;

type RefusalStatus = 400 | 401 | 409 | 413 | 503;
const REFUSAL_TEXT: Record<RefusalStatus, string> = {
  400: "malformed interaction",
  401: "invalid request signature",
  409: "interaction already handled",
  413: "body too large",
  503: "server busy",
};

export interface DiscordInteractionsHandlerOptions {
  /** The application's public key: 64 hex characters. */
  publicKey: string;
  registry: CommandRegistry;
  /** Conversation, for its "Stop answering here" button (clicks come here when the endpoint URL is set). */
  conversation?: Conversation;
  logger: Logger;
  now?: () => Date;
  /** For follow-ups and late answers, which go to Discord's webhook API; tests pass a fake. */
  fetch?: typeof fetch;
  apiBase?: string;
  deferAfterMs?: number;
  /** Short keys for long button values (default: kept in this process's memory). */
  buttonKeys?: ButtonKeyStore;
  /** Remembers answered interaction ids; per process unless a shared store is given. */
  replays?: ReplayGuard;
  /**
   * Keeps a timer's reminders in the store, posted later with the bot token (given when DISCORD_TOKEN is set).
   * Without it they ride on the interaction's token: 15 minutes at most, in this process.
   */
  timers?: KeepTimers;
}

export interface DiscordInteractionsHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Cancels pending timed follow-ups. */
  close(): void;
}

/**
 * The HTTP interactions endpoint (`POST /discord/interactions`), for any `http` server to route to. Stateless
 * apart from the memory of answered interaction ids (per process unless `replays` is a shared store). Refuses,
 * in order: signature headers missing, malformed or outside the window (401, body unread); a body over 1 MB
 * (413) or past the server's body budget (503); a signature that does not match (401); a body that is not an
 * interaction (400); an interaction id already answered (409). Each refusal is logged, once a minute per reason.
 */
export function createDiscordInteractionsHandler(options: DiscordInteractionsHandlerOptions): DiscordInteractionsHandler {
  const publicKey = createDiscordPublicKey(options.publicKey);
  const now = options.now ?? (() => new Date());
  const { logger, registry } = options;
  const replays = options.replays ?? new MemoryReplayGuard(() => now().getTime());
  const logRefusal = createRateLimitedLog(logger, "discord interaction refused");
  const followUps = createFollowUpScheduler(logger);
  const buttonKeys = options.buttonKeys ?? createMemoryButtonKeys();
  const webhookFor = (interaction: APIInteraction) =>
    interactionWebhook(interaction.application_id, interaction.token, { fetch: options.fetch, apiBase: options.apiBase });

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { error: "method not allowed" });
    }
    // Node joins a repeated header into one string (only Set-Cookie comes as an array).
    const signature = req.headers["x-signature-ed25519"] as string | undefined;
    const timestamp = req.headers["x-signature-timestamp"] as string | undefined;
    // Headers first: a request that cannot be valid is refused before one byte of its body is held.
    const headers = checkDiscordHeaders(signature, timestamp, now);
    if (!headers.ok) return refuse(res, 401, headers.reason, true);
    const read = await readBody(req, MAX_INTERACTION_BODY_BYTES);
    if (!read.ok) return refuse(res, read.status, read.status === 413 ? "body over 1 MB" : "server body budget spent", true);
    const body = read.body;
    const check = verifyDiscordSignature(publicKey, { signature, timestamp, rawBody: body, now });
    // Discord sends bad signatures on purpose to test the endpoint; one line a minute shows it, or an attack.
    if (!check.ok) return refuse(res, 401, check.reason);
    const interaction = parseJson(body);
    if (!isInteraction(interaction)) return refuse(res, 400, "malformed interaction");
    if (!(await replays.firstSeen(interaction.id, signatureExpiresAtMs(timestamp!)))) {
      return refuse(res, 409, "replayed interaction id");
    }
    await answer(interaction, res);
  };

  // Stryker disable all: answering is not verifying; `npm run mutate` covers the verifier above and the refusals below.
  /** Every interaction that got this far ends in a response: its answer, a deferral, or a 500 that is logged. */
  const answer = async (interaction: APIInteraction, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    try {
      // A short button key stands for a long invocation: the click is answered, and deferred, as that invocation.
      const resolved = await resolveButtonKey(interaction, buttonKeys);
      const timers = options.timers;
      const work = handleInteraction(resolved, registry, {
        onFollowUps: timers ?? ((pending, source) => followUps.schedule(pending, (message) => webhookFor(source).followUp(message))),
        traits: timers ? discordTraits : discordWebhookTraits,
        buttonKeys,
        conversation: options.conversation,
      });
      // Observed at once: if anything below throws first, the work's own failure is still handled, not left unhandled.
      work.catch(() => {});
      const deferral = deferralFor(resolved);
      const outcome = deferral ? await raceDeadline(work, options.deferAfterMs ?? DEFER_AFTER_MS) : { done: true as const, value: await work };
      if (outcome.done) {
        sendJson(res, 200, outcome.value);
      } else {
        sendJson(res, 200, deferral!);
        void work
          .then((response) => deliverLateResponse(deferral!, response, webhookFor(interaction)))
          .catch((error: unknown) => logger.error({ err: describeError(error) }, "discord late answer failed"));
      }
      // Commands and clicks already get their line from the command log; a deferral is the news here.
      const line = { type: interaction.type, ms: Date.now() - started, deferred: !outcome.done };
      if (outcome.done) logger.debug(line, "discord interaction");
      else logger.info(line, "discord interaction deferred");
    } catch (error) {
      logger.error({ err: describeError(error), type: interaction.type }, "discord interaction failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    }
  };

  // Stryker restore all
  const refuse = (res: ServerResponse, status: RefusalStatus, reason: string, closeConnection = false): void => {
    logRefusal(reason, { status });
    if (closeConnection) res.setHeader("connection", "close");
    sendJson(res, status, { error: REFUSAL_TEXT[status] });
  };
  // Stryker disable next-line all: not part of verifying.
  return Object.assign(handler, { close: () => followUps.cancelAll() });
}

// Stryker disable BlockStatement: emptying the catch still returns undefined (an equivalent mutant).
/** The body as JSON, or undefined when it is not JSON at all. */
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(String(body));
  } catch {
    return undefined;
  }
}
// Stryker restore BlockStatement

/** What every interaction Discord sends has: a numeric type and a string id (the replay guard's key). */
function isInteraction(value: unknown): value is APIInteraction {
  const candidate = value as { type?: unknown; id?: unknown } | null | undefined;
  return typeof candidate?.type === "number" && typeof candidate.id === "string" && candidate.id.length > 0 && candidate.id.length <= 64;
}

// Stryker disable next-line all: used by the answering, not the verifier.
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
