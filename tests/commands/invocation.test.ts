import { describe, expect, it } from "vitest";
import { decodeInvocation, encodeInvocation, encodeInvocationIntact, MAX_INVOCATION_LENGTH } from "../../src/commands/invocation.js";

describe("button invocations", () => {
  it("round-trip within Discord's 100-character custom_id", () => {
    const value = encodeInvocation({ command: "ask", args: { question: "why did the talks fail | & = ?" }, page: 2 });
    expect(value.length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
    expect(decodeInvocation(value)).toEqual({ command: "ask", args: { question: "why did the talks fail | & = ?" }, page: 2, share: false });
  });

  it("refuses to shorten an argument when the button must reproduce it exactly", () => {
    const long = "why ".repeat(40).trim();
    expect(encodeInvocation({ command: "ask", args: { question: long } }).length).toBeLessThanOrEqual(MAX_INVOCATION_LENGTH);
    expect(encodeInvocationIntact({ command: "ask", args: { question: long } })).toBeNull();
  });

  it.each(["", "gt1", "gt1||x|", "other|ask|0||q=x", "gt1|ask|-1||"])("rejects %j", (value) => {
    expect(decodeInvocation(value)).toBeNull();
  });
});
