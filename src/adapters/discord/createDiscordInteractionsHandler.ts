import type { IncomingMessage, ServerResponse } from "node:http";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import type { CommandRegistry } from "../../commands/index.js";
import type { Logger } from "../../logger.js";
import { readBody } from "../../server/readBody.js";
import { sendJson } from "../../server/sendJson.js";
import { createMemoryButtonKeys, resolveButtonKey, type ButtonKeyStore } from "./buttonKeys.js";
import { createReplayGuard } from "./createReplayGuard.js";
import { interactionWebhook } from "./discordWebhook.js";
import { handleInteraction } from "./handleInteraction.js";
import { DEFER_AFTER_MS, deferralFor, deliverLateResponse, raceDeadline } from "./respondLate.js";
import { createFollowUpScheduler } from "./scheduleFollowUps.js";
import { createDiscordPublicKey, DISCORD_SIGNATURE_MAX_AGE_SECONDS, verifyDiscordSignature } from "./verifyDiscordSignature.js";

/** Where Discord is told to send interactions (the Developer Portal's "Interactions Endpoint URL"). */
export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";
/** Interactions are a few kilobytes; anything near this is not from Discord. */
export const MAX_INTERACTION_BODY_BYTES = 1024 * 1024;
const REPLAY_MEMORY_MAX = 10_000;

export interface DiscordInteractionsHandlerOptions {
  /** The application's public key: 64 hex characters. */
  publicKey: string;
  registry: CommandRegistry;
  logger: Logger;
  now?: () => Date;
  /** For follow-ups and late answers, which go to Discord's webhook API; tests pass a fake. */
  fetch?: typeof fetch;
  apiBase?: string;
  deferAfterMs?: number;
  /** Short keys for long button values (default: kept in this process's memory). */
  buttonKeys?: ButtonKeyStore;
}

export interface DiscordInteractionsHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Cancels pending timed follow-ups. */
  close(): void;
}

/**
 * The HTTP interactions endpoint (`POST /discord/interactions`), for any `http` server to route to. Stateless
 * apart from a per-process memory of recent interaction ids, so instances can sit behind any load balancer.
 */
export function createDiscordInteractionsHandler(options: DiscordInteractionsHandlerOptions): DiscordInteractionsHandler {
  const publicKey = createDiscordPublicKey(options.publicKey);
  const now = options.now ?? (() => new Date());
  const { logger, registry } = options;
  const replays = createReplayGuard({ windowMs: DISCORD_SIGNATURE_MAX_AGE_SECONDS * 1000, maxEntries: REPLAY_MEMORY_MAX, now });
  const followUps = createFollowUpScheduler(logger);
  const buttonKeys = options.buttonKeys ?? createMemoryButtonKeys();
  const webhookFor = (interaction: APIInteraction) =>
    interactionWebhook(interaction.application_id, interaction.token, { fetch: options.fetch, apiBase: options.apiBase });

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return sendJson(res, 405, { error: "method not allowed" });
    }
    const body = await readBody(req, MAX_INTERACTION_BODY_BYTES);
    if (!body) {
      res.setHeader("connection", "close");
      return sendJson(res, 413, { error: "body too large" });
    }
    const check = verifyDiscordSignature(publicKey, {
      signature: headerValue(req.headers["x-signature-ed25519"]),
      timestamp: headerValue(req.headers["x-signature-timestamp"]),
      rawBody: body,
      now,
    });
    if (!check.ok) {
      // Discord sends bad signatures on purpose to test the endpoint; this is routine, not an alarm.
      logger.info({ reason: check.reason }, "discord interaction refused");
      return sendJson(res, 401, { error: "invalid request signature" });
    }
    let received: APIInteraction;
    try {
      received = JSON.parse(body.toString("utf8")) as APIInteraction;
      if (typeof received !== "object" || received === null || typeof received.type !== "number") throw new Error("not an interaction");
    } catch {
      return sendJson(res, 400, { error: "malformed interaction" });
    }
    if (typeof received.id === "string" && !replays.firstSeen(received.id)) {
      logger.warn({ interaction: received.id }, "discord interaction replayed");
      return sendJson(res, 409, { error: "interaction already handled" });
    }
    const interaction = await resolveButtonKey(received, buttonKeys);

    const started = Date.now();
    const work = handleInteraction(interaction, registry, {
      onFollowUps: (pending, source) => followUps.schedule(pending, (message) => webhookFor(source).followUp(message)),
      buttonKeys,
    });
    const deferral = deferralFor(interaction);
    try {
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
      logger.error({ err: describeError(error) }, "discord interaction failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    }
  };
  return Object.assign(handler, { close: () => followUps.cancelAll() });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
