import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { completeConsoleLine, parseConsoleLine, startConsole } from "../../src/platforms/console/index.js";
import { CommandRegistry } from "../../src/commands/registry/commandRegistry.js";
import { createCommandRegistry } from "../../src/commands/index.js";
import type { CommandRequest } from "../../src/commands/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { wrapCommandRuns } from "../../src/commands/registry/wrapCommandRuns.js";
import { consoleTraits } from "../../src/platforms/console/traits.js";
import { Conversation } from "../../src/conversation/index.js";
import { createMemoryStore } from "../../src/store/index.js";

const MINSK = "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";
const knowledge = await loadKnowledge("knowledge");

function collect(stream: PassThrough): () => string {
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe("parseConsoleLine", () => {
  it("reads /command text, and plain text as /ask", () => {
    expect(parseConsoleLine("/source  minsk accords ")).toEqual({ command: "source", text: "minsk accords" });
    expect(parseConsoleLine("/help")).toEqual({ command: "help", text: "" });
    expect(parseConsoleLine("why did the istanbul talks fail")).toEqual({ command: "ask", text: "why did the istanbul talks fail" });
    expect(parseConsoleLine("   ")).toBeNull();
  });
});

describe("completeConsoleLine", () => {
  const registry = createCommandRegistry(() => knowledge);

  it("completes command names from the registry", () => {
    expect(completeConsoleLine(registry, "/so")).toEqual([["/source "], "/so"]);
    const [candidates] = completeConsoleLine(registry, "/c");
    expect(candidates).toEqual(expect.arrayContaining(["/cite", "/context"]));
    expect(candidates.every((candidate) => candidate.startsWith("/c"))).toBe(true);
    expect(completeConsoleLine(registry, "/zzz")).toEqual([[], "/zzz"]);
  });

  it("completes a command's main option with the registry's autocomplete", () => {
    const [candidates, replaced] = completeConsoleLine(registry, "/source mearsh");
    expect(replaced).toBe("mearsh");
    expect(candidates.join(" ")).toMatch(/Mearsheimer/);
  });
});

describe("startConsole", () => {
  it("answers each piped line in order through the registry, then ends with the input", async () => {
    const seen: CommandRequest[] = [];
    const registry = wrapCommandRuns(createCommandRegistry(() => knowledge), (request, next) => {
      seen.push(request);
      return next(request);
    });
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const session = startConsole({ registry, input, output, user: { id: "dana" } });
    input.end("/source minsk\n\nwhy did the istanbul talks fail\n");
    await session.done;

    expect(seen.map(({ command, text, platform, user }) => ({ command, text, platform, user }))).toEqual([
      { command: "source", text: "minsk", platform: consoleTraits, user: { id: "dana" } },
      { command: "ask", text: "why did the istanbul talks fail", platform: consoleTraits, user: { id: "dana" } },
    ]);
    const transcript = text();
    expect(transcript.startsWith("> /source minsk\n")).toBe(true);
    expect(transcript).toContain(MINSK);
    expect(transcript).toContain("The Trust Deficit and Enforcement Challenges");
    expect(transcript.indexOf("> why did the istanbul talks fail")).toBeGreaterThan(transcript.indexOf(MINSK));
    expect(transcript).toMatch(/Bucha/);
    expect(transcript).not.toMatch(/\u001b\[/);
  });

  it("says that timed follow-ups are not shown when input is piped, and leaves no timer behind", async () => {
    const timerCommand = new CommandRegistry(
      [
        {
          name: "timer",
          description: "a speaking timer",
          usage: "",
          options: [],
          handler: () => ({
            title: "Timer started",
            quotes: [],
            visibility: "public",
            followUps: [{ delaySeconds: 60, text: "One minute left" }, { delaySeconds: 120, text: "Time is up" }],
          }),
        },
      ],
      () => knowledge,
    );
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const session = startConsole({ registry: timerCommand, input, output });
    input.end("/timer\n");
    await session.done;
    expect(text()).toContain("Timer started");
    expect(text()).toContain("(2 timed messages not shown: piped input exits at its end");
  });

  it("at a terminal, prints follow-ups when due and presses a button by its number", async () => {
    const registry = new CommandRegistry(
      [
        {
          name: "timer",
          description: "a speaking timer",
          usage: "",
          options: [],
          handler: ({ page }) => ({
            title: page === 0 ? "Timer started" : `Page ${page + 1}`,
            quotes: [],
            visibility: "public",
            actions: [{ label: "More", value: "gt1|timer|1||" }],
            followUps: page === 0 ? [{ delaySeconds: 0.02, text: "Time is up" }] : [],
          }),
        },
      ],
      () => knowledge,
    );
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const session = startConsole({ registry, input, output, interactive: true, greeting: "Hello from the test\n" });
    input.write("/timer\n");
    await new Promise((resolve) => setTimeout(resolve, 100));
    input.write("1\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    session.close();
    await session.done;
    const transcript = text();
    expect(transcript).toContain("Hello from the test");
    expect(transcript).toContain("Type 1 for More.");
    expect(transcript).toContain("Time is up");
    expect(transcript).toContain("Page 2");
  });
});

describe("the console at a terminal", () => {
  const registry = createCommandRegistry(() => knowledge);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

  function terminal(width?: number) {
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const session = startConsole({ registry, input, output, interactive: true, width: () => width });
    let ended = false;
    void session.done.then(() => (ended = true));
    return { input, text, session, ended: () => ended };
  }

  it("Ctrl-C with a half-typed line clears the line and keeps the session; Ctrl-C on an empty line quits", async () => {
    const console = terminal();
    console.input.write("/source mins");
    await settle();
    console.input.write("\u0003");
    await settle();
    expect(console.ended()).toBe(false);
    expect(console.text()).toContain("/source mins^C\n");
    // The half-typed text is gone: the next line is answered on its own.
    console.input.write("/thesis\r");
    await settle();
    expect(console.text()).toContain("Despite intermittent diplomatic overtures");
    expect(console.text()).not.toContain("/source mins/thesis");
    console.input.write("\u0003");
    await console.session.done;
    expect(console.ended()).toBe(true);
  });

  it("wraps replies to the terminal's width between words, keeping a quote's indent", async () => {
    const console = terminal(60);
    console.input.write("/source minsk\r");
    await settle();
    console.session.close();
    await console.session.done;
    const reply = console.text().slice(console.text().indexOf("[1]"));
    const lines = reply.split("\n").map((line) => line.replace(/\u001b\[[\d;]*[A-Za-z]|\r/g, ""));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    const passage = lines.slice(1, lines.findIndex((line) => line.includes("—")));
    expect(passage.length).toBeGreaterThan(1);
    for (const line of passage) expect(line).toMatch(/^ {4}\S/);
    // Words are whole: the passage reads the same once the lines are joined.
    expect(passage.map((line) => line.trim()).join(" ")).toBe(MINSK);
  });

  it("shows each quote's passage id, and /context takes it as typed", async () => {
    const console = terminal();
    console.input.write("/source minsk\r");
    await settle();
    const id = /^\[1\] \((russia-ukraine-peace-talks#\d+)\)$/m.exec(console.text())?.[1];
    expect(id).toBeDefined();
    console.input.write(`/context ${id}\r`);
    await settle();
    console.session.close();
    await console.session.done;
    expect(console.text()).toContain("In context: The Trust Deficit and Enforcement Challenges");
    expect(console.text()).toContain("[2] The passage");
  });

  it("shows /help's usage without invisible characters", async () => {
    const console = terminal();
    console.input.write("/help\r");
    await settle();
    console.session.close();
    await console.session.done;
    expect(console.text()).toContain("/ask <question> [for: @person] [document: name]: Ask a question");
    expect(console.text()).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
  });
});

describe("a console session as a thread", () => {
  it("reads a follow-up against the question before it: “and China?” asks about China and the talks", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const conversation = new Conversation({ registry, state: createMemoryStore() });
    const session = startConsole({ registry, input, output, conversation });
    input.end("why did the Istanbul talks fail?\nand China?\nwho says so?\n/source minsk\n");
    await session.done;
    const transcript = text();
    const china = transcript.slice(transcript.indexOf("> and China?"), transcript.indexOf("> who says so?"));
    expect(china).toContain("China talks");
    expect(china).toContain("While international mediators including Turkey, China, and the UN");
    expect(transcript.slice(transcript.indexOf("> who says so?"))).toContain("Sources of the last answer");
    // Slash commands are run as typed.
    expect(transcript.slice(transcript.indexOf("> /source minsk"))).toContain(MINSK);
  });

  it("without a conversation, each question stands alone", async () => {
    const registry = createCommandRegistry(() => knowledge);
    const input = new PassThrough();
    const output = new PassThrough();
    const text = collect(output);
    const session = startConsole({ registry, input, output });
    input.end("why did the Istanbul talks fail?\nand China?\n");
    await session.done;
    expect(text()).not.toContain("China talks");
  });
});
