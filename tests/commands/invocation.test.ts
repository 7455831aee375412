import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInvocation, encodeInvocationIntact, MAX_INVOCATION_LENGTH } from "../../src/reply/invocation.js";

describe("button invocations", () => {
  it("round-trip within Slack's 2,000-character button value", () => {
    const value = encodeInvocationIntact({ command: "ask", args: { question: "why did the talks fail | & = ?" }, page: 2 })!;
    expect(value.length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
    expect(decodeInvocation(value)).toEqual({ command: "ask", args: { question: "why did the talks fail | & = ?" }, page: 2, share: false });
  });

  it("refuses to shorten an argument when the button must reproduce it exactly", () => {
    const long = "why ".repeat(600).trim();
    expect(encodeInvocationIntact({ command: "ask", args: { question: long } })).toBeNull();
  });

  it("gives either nothing or a value that decodes to exactly the arguments given", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 80 }),
      fc.string({ unit: "grapheme", maxLength: 80 }),
      fc.string({ unit: "binary-ascii", maxLength: 80 }),
    );
    fc.assert(
      fc.property(text, fc.option(text), fc.nat(1000), (question, person, page) => {
        const args = { question, ...(person ? { for: person } : {}) };
        const value = encodeInvocationIntact({ command: "ask", args, page, share: true });
        if (value === null) return;
        expect(value.length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
        const decoded = decodeInvocation(value);
        expect(decoded).toMatchObject({ command: "ask", page, share: true });
        for (const [key, arg] of Object.entries(args)) if (arg) expect(decoded!.args[key]).toBe(arg);
      }),
    );
    expect(encodeInvocationIntact({ command: "ask", args: { question: "half \ud83d pair" } })).toBeNull();
  });

  it("escapes only what would break the encoding, so a Persian question costs a character a letter", () => {
    const question = "چرا مذاکرات شکست خورد؟";
    const value = encodeInvocationIntact({ command: "ask", args: { question }, page: 1 })!;
    expect(value).toBe(`gt1|ask|1||question=${question.replace(/ /g, "+")}`);
    expect(decodeInvocation(value)?.args.question).toBe(question);
  });

  it("still reads the fully escaped values of buttons made by earlier versions", () => {
    const earlier = `gt1|ask|1|s|${new URLSearchParams({ question: "Turkey & the UN: 50% + more = ?", document: "doc" }).toString()}`;
    expect(decodeInvocation(earlier)).toEqual({ command: "ask", args: { question: "Turkey & the UN: 50% + more = ?", document: "doc" }, page: 1, share: true });
  });

  it.each(["", "gt1", "gt1||x|", "other|ask|0||q=x", "gt1|ask|-1||"])("rejects %j", (value) => {
    expect(decodeInvocation(value)).toBeNull();
  });
});
