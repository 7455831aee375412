import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DiscordInteractionsHandler } from "../../src/adapters/discord/createDiscordInteractionsHandler.js";

/** A test application key pair: Discord publishes the raw 32-byte public key as hex. */
export function createTestKeyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(-32).toString("hex"), privateKey };
}

export function signBody(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
}

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

/** What every interaction Discord sends carries, from a member in a server. */
export function interactionBase(userId = "222222222222222222") {
  return {
    id: freshId(),
    application_id: "111111111111111111",
    token: "interaction-token-abc",
    version: 1,
    guild_id: "333333333333333333",
    channel_id: "444444444444444444",
    locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_388_608,
    member: {
      user: { id: userId, username: "dana", global_name: "Dana", discriminator: "0", avatar: null },
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      permissions: "0",
    },
  };
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
