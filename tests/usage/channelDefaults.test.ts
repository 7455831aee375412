/**
 * The channel's default document reaches the command only when the user named none, and the setting is read
 * from the store on each run (a change is seen by the next command, with no restart).
 */
import { describe, expect, it } from "vitest";
import { applyChannelSettings } from "../../src/app/usage/applyChannelSettings.js";
import { commandsFor } from "../../src/commands/index.js";
import type { CommandRequest } from "../../src/commands/index.js";
import { silentLogger } from "../../src/logger.js";
import { slackTraits } from "../../src/platforms/slack/traits.js";
import { answerReply } from "../../src/reply/builders.js";
import { createMemoryStore } from "../../src/store/index.js";

describe("a channel's default document", () => {
  it("fills the document option when none is named, typed or given, and never replaces one that is", async () => {
    const store = createMemoryStore();
    const commands = commandsFor();
    const middleware = applyChannelSettings({ settings: store.channelSettings, logger: silentLogger, definition: (name) => commands.find((command) => command.name === name) });
    const seen: CommandRequest[] = [];
    const next = async (request: CommandRequest) => {
      seen.push(request);
      return answerReply("ok");
    };
    const base = { user: { id: "U1" }, platform: slackTraits, channel: "slack:T1:C1" };
    await middleware({ ...base, command: "ask", text: "what is the thesis" }, next);
    expect(seen[0]!.args?.document).toBeUndefined();

    await store.channelSettings.update("slack:T1:C1", { document: "city-essay" });
    await middleware({ ...base, command: "ask", text: "what is the thesis" }, next);
    await middleware({ ...base, command: "ask", text: "what is the thesis document: other" }, next);
    await middleware({ ...base, command: "ask", args: { question: "q", document: "other" } }, next);
    await middleware({ ...base, command: "teams", text: "a b c d" }, next);
    await middleware({ ...base, channel: "slack:T1:C2", command: "ask", text: "what is the thesis" }, next);
    expect(seen.slice(1).map((request) => request.args?.document)).toEqual(["city-essay", undefined, "other", undefined, undefined]);
  });
});
