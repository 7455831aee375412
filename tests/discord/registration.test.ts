import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { REST } from "@discordjs/rest";
import { MockAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { commandsFor, type CommandDefinition } from "../../src/commands/index.js";
import { buildDiscordCommands } from "../../src/platforms/discord/buildDiscordCommands.js";
import { runDiscordRegister } from "../../src/cli/runDiscordRegister.js";

const APP = "111111111111111111";
const GUILD = "333333333333333333";
const TOKEN = "MTEx.secret-token.part";

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) } };
}

const agents: MockAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((agent) => agent.close()));
});

/** A REST whose every request fails before reaching Discord, as with no DNS. */
function unreachableRest() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  agent
    .get("https://discord.com")
    .intercept({ path: (path: string) => path.startsWith("/api/v10/"), method: "PUT" })
    .replyWithError(Object.assign(new Error("getaddrinfo ENOTFOUND discord.com"), { code: "ENOTFOUND" }));
  const rest = new REST({ version: "10", retries: 0 });
  rest.setAgent(agent);
  return rest;
}

/** A REST whose requests land in `requests` instead of on Discord. */
function mockedRest(status = 200) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  const requests: Array<{ method: string; path: string; body: unknown; authorization: string | undefined }> = [];
  agent
    .get("https://discord.com")
    .intercept({ path: (path: string) => path.startsWith("/api/v10/applications/"), method: "PUT" })
    .reply((options) => {
      const headers = options.headers as Record<string, string>;
      const body = JSON.parse(String(options.body));
      requests.push({ method: options.method, path: options.path, body, authorization: headers.Authorization ?? headers.authorization });
      return status === 200
        ? { statusCode: 200, data: JSON.stringify(body), responseOptions: { headers: { "content-type": "application/json" } } }
        : { statusCode: status, data: JSON.stringify({ message: "401: Unauthorized", code: 0 }), responseOptions: { headers: { "content-type": "application/json" } } };
    });
  const rest = new REST({ version: "10", retries: 0 });
  rest.setAgent(agent);
  return { rest, requests };
}

describe("Discord command registration", () => {
  const commands = buildDiscordCommands(commandsFor()) as any[];

  it("describes every registry command as a typed slash command, plus the message command", () => {
    const slash = commands.filter((command) => command.type === 1);
    expect(slash.map((command) => command.name)).toEqual(commandsFor().map((command) => command.name));
    expect(commands.at(-1)).toEqual({ type: 3, name: "Find in document", integration_types: [0, 1], contexts: [0, 1, 2] });
    // A user-installable app: guild and user installs, usable in servers, the bot's DM and other DMs; admin
    // commands only in servers, where Manage Server means something.
    const adminOnly = new Set(commandsFor().filter((command) => command.adminOnly).map((command) => command.name));
    expect(adminOnly.size).toBeGreaterThan(0);
    for (const command of commands) {
      if (adminOnly.has(command.name)) expect(command).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: expect.any(String) });
      else expect(command).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
    for (const command of slash) {
      expect(command.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(command.name).toBe(command.name.toLowerCase());
      expect(command.description.length).toBeGreaterThanOrEqual(1);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options.length).toBeLessThanOrEqual(25);
      const required = command.options.map((option: any) => option.required);
      expect(required).toEqual([...required].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      for (const option of command.options) {
        expect(option.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("types options and turns on autocomplete where the registry has a source for it", () => {
    const source = commands.find((command) => command.name === "source");
    expect(source.options[0]).toEqual({ name: "name", description: expect.any(String), required: true, type: 3, autocomplete: true });
    expect(source.options.find((option: any) => option.name === "for")).toMatchObject({ type: 6, required: false });
    expect(source.options.find((option: any) => option.name === "for").autocomplete).toBeUndefined();
    const cite = commands.find((command) => command.name === "cite");
    expect(cite.options[0]).toMatchObject({ name: "source", type: 3, required: true, autocomplete: true });
    const section = commands.find((command) => command.name === "section");
    expect(section.options[0]).toMatchObject({ name: "heading", type: 3, autocomplete: true });
  });

  it("maps number options to INTEGER and puts required options first", () => {
    const command: CommandDefinition = {
      name: "timer",
      description: "x".repeat(150),
      usage: "",
      options: [
        { name: "label", description: "What for", kind: "text" },
        { name: "minutes", description: "How long", kind: "number", required: true },
      ],
      handler: () => ({ title: "", quotes: [], visibility: "private" }),
    };
    const [built] = buildDiscordCommands([command]) as any[];
    expect(built.description).toHaveLength(100);
    expect(built.options.map((option: any) => [option.name, option.type, option.required])).toEqual([
      ["minutes", 4, true],
      ["label", 3, false],
    ]);
  });

  it("gives /timer's minutes the range the command accepts, so Discord refuses 0 or 90 before sending them", () => {
    const timer = commands.find((command) => command.name === "timer");
    expect(timer.options.find((option: any) => option.name === "minutes")).toMatchObject({ type: 4, min_value: 1, max_value: 60 });
  });

  it("refuses a name Discord would refuse", () => {
    const bad: CommandDefinition = { name: "Why Stalled", description: "d", usage: "", options: [], handler: () => ({ title: "", quotes: [], visibility: "private" }) };
    expect(() => buildDiscordCommands([bad])).toThrow(/lower-case/);
  });

  it("--dry-run prints only the JSON array and sends nothing (as a real process)", async () => {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", "src/bin/discordRegister.ts", "--dry-run"], {
      env: { ...process.env, DISCORD_TOKEN: "", DISCORD_APPLICATION_ID: "" },
      timeout: 15_000,
    });
    const printed = JSON.parse(stdout);
    expect(Array.isArray(printed)).toBe(true);
    expect(printed.map((command: any) => command.name)).toEqual(expect.arrayContaining(["ask", "source", "cite", "Find in document"]));
    expect(stderr).toBe("");
  });

  it("registers globally with one PUT of the whole array, authorised with the bot token", async () => {
    const { rest, requests } = mockedRest();
    const { out, io } = capture();
    const dry = capture();
    await runDiscordRegister(["--dry-run"], {}, dry.io);
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN }, io, { rest });
    expect(code).toBe(0);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe(`/api/v10/applications/${APP}/commands`);
    expect(requests[0]!.authorization).toBe(`Bot ${TOKEN}`);
    expect(requests[0]!.body).toEqual(JSON.parse(dry.out.stdout));
    expect(out.stdout).toMatch(/Registered \d+ commands globally/);
    expect(out.stdout + out.stderr).not.toContain(TOKEN);
  });

  it("registers to one server when DISCORD_GUILD_ID is set", async () => {
    const { rest, requests } = mockedRest();
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: GUILD }, io, { rest });
    expect(code).toBe(0);
    expect(requests.map((request) => [request.method, request.path])).toEqual([["PUT", `/api/v10/applications/${APP}/guilds/${GUILD}/commands`]]);
    expect((requests[0]!.body as any[]).find((command) => command.name === "source").options[0].autocomplete).toBe(true);
    expect(out.stdout).toContain(`to server ${GUILD}`);
  });

  it("says in one line which variables are missing, exits 1 and sends nothing", async () => {
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_TOKEN: TOKEN }, io);
    expect(code).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain("DISCORD_APPLICATION_ID");
    expect(out.stderr).not.toContain(TOKEN);
  });

  it("applies npm start's checks: a 'Bot ' prefix or a mistyped id is named, and nothing is sent", async () => {
    const { rest, requests } = mockedRest();
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: "1234", DISCORD_TOKEN: `Bot ${TOKEN}` }, io, { rest });
    expect(code).toBe(1);
    expect(requests).toHaveLength(0);
    expect(out.stderr.trim().split("\n")).toEqual([
      'discord:register: DISCORD_TOKEN must be the bare bot token: remove the "Bot " prefix.',
      'discord:register: DISCORD_APPLICATION_ID must be the application\'s numeric id, 17-20 digits (got "1234").',
    ]);
    expect(out.stderr).not.toContain(TOKEN);
  });

  it("refuses a knowledge folder that does not exist, instead of registering no topic commands", async () => {
    const { rest, requests } = mockedRest();
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN, KNOWLEDGE_DIR: "knowlege" }, io, { rest });
    expect(code).toBe(1);
    expect(requests).toHaveLength(0);
    expect(out.stderr).toMatch(/^discord:register: KNOWLEDGE_DIR "knowlege" \(.*\) does not exist[^\n]*\n$/);
  });

  it("says Discord could not be reached, not that it refused, when the network fails", async () => {
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN }, io, { rest: unreachableRest() });
    expect(code).toBe(1);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toMatch(/^discord:register: could not reach Discord \(.*ENOTFOUND.*\); nothing was registered/);
    expect(out.stderr).not.toContain("refused");
  });

  it("reports Discord's refusal without the token or a stack trace", async () => {
    const { rest } = mockedRest(401);
    const { out, io } = capture();
    const code = await runDiscordRegister([], { DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN }, io, { rest });
    expect(code).toBe(1);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain("Unauthorized");
    expect(out.stderr).not.toContain(TOKEN);
  });
});
