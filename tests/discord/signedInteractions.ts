import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { discordInteractionBase, discordSignature } from "../support/signedRequests.js";
import type { DiscordInteractionsHandler } from "../../src/platforms/discord/createDiscordInteractionsHandler.js";

/** A test application key pair and Discord's signature: the same helpers the load benchmark signs with. */
export { createDiscordKeys as createTestKeyPair, discordSignature as signBody } from "../support/signedRequests.js";

export interface TestEndpoint {
  url: string;
  close(): Promise<void>;
}

export async function startEndpoint(handler: DiscordInteractionsHandler): Promise<TestEndpoint> {
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/discord/interactions`,
    close: async () => {
      handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let nextId = 1_100_000_000_000_000_000n;
/** A fresh snowflake-like id, so the replay guard sees each test interaction as new. */
export function freshId(): string {
  nextId += 1n;
  return String(nextId);
}

/** What every interaction Discord sends carries, from a member in a server, with a fresh id. */
export function interactionBase(userId = "222222222222222222") {
  return { ...discordInteractionBase(freshId(), userId), token: "interaction-token-abc" };
}

export function slashCommand(name: string, options: Array<{ name: string; type: number; value: string | number; focused?: boolean }>, autocomplete = false) {
  return { ...interactionBase(), type: autocomplete ? 4 : 2, data: { id: "555555555555555555", type: 1, name, options } };
}

export function buttonClick(customId: string, messageFlags = 64) {
  return {
    ...interactionBase(),
    type: 3,
    data: { component_type: 2, custom_id: customId },
    message: { id: "666666666666666666", channel_id: "444444444444444444", content: "", flags: messageFlags, embeds: [], components: [] },
  };
}

export function findInDocumentCommand(content: string) {
  const targetId = "777777777777777777";
  return {
    ...interactionBase(),
    type: 2,
    data: {
      id: "888888888888888888",
      type: 3,
      name: "Find in document",
      target_id: targetId,
      resolved: { messages: { [targetId]: { id: targetId, channel_id: "444444444444444444", content, embeds: [] } } },
    },
  };
}

/** Posts `payload` to the endpoint signed with `privateKey`, as Discord does; the status and parsed body. */
export async function postSignedInteraction(url: string, privateKey: Parameters<typeof discordSignature>[0], payload: unknown): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-ed25519": discordSignature(privateKey, timestamp, raw), "x-signature-timestamp": timestamp },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
