import { describe, expect, it } from "vitest";
import { renderText } from "../../src/platforms/console/render.js";
import { hostileReply, MINSK_PASSAGE, overflowingReply, realisticReply } from "./fixtures.js";

const ZWSP = "\u200b";

describe("renderText", () => {
  it("lays out title, lead, the indented quote with provenance, references, fields, footer and actions", () => {
    expect(renderText(realisticReply())).toBe(
      [
        "Has Russia kept its agreements?",
        "",
        "One passage answers this directly.",
        "",
        "[1] Reason 1: broken agreements",
        `    ${MINSK_PASSAGE}`,
        "    — Why a ceasefire is hard · russia-ukraine-peace-talks",
        "    Wilson, 2022 — Wilson, A. (2022). Chatham House.",
        "    ! Reuters, 2023: not in the reference list",
        "",
        "References",
        "    • Wilson, A. (2022). Chatham House.",
        "",
        "Document: Russia–Ukraine peace talks",
        "",
        "Quotes are verbatim from the document.",
        "",
        "[More]",
        "",
      ].join("\n"),
    );
  });

  it("indents every line of a multi-line passage", () => {
    const reply = realisticReply({ quotes: [{ ...realisticReply().quotes[0]!, text: "first line\nsecond line" }] });
    expect(renderText(reply)).toContain("    first line\n    second line\n");
  });

  it("uses no ANSI escapes unless colour is asked for", () => {
    expect(renderText(realisticReply())).not.toContain("\u001b");
    const coloured = renderText(realisticReply(), { color: true });
    expect(coloured).toContain("\u001b[1mHas Russia kept its agreements?\u001b[22m");
    expect(coloured).toContain("\u001b[33m! Reuters, 2023: not in the reference list\u001b[39m");
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(renderText(realisticReply()));
  });

  it("strips escape sequences and control characters from document and user text", () => {
    const out = renderText(hostileReply());
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).not.toContain("[31m");
    const coloured = renderText(hostileReply(), { color: true });
    // Only the renderer's own SGR sequences remain.
    expect(coloured.replace(/\u001b\[(1|2|22|33|36|39)m/g, "")).not.toContain("\u001b");
  });

  it("leaves mention syntax inert in case the output is pasted into chat", () => {
    const out = renderText(hostileReply());
    expect(out).not.toMatch(/@(everyone|here|channel)/);
    expect(out).not.toMatch(/<[@#!]/);
    expect(out).toContain(`@${ZWSP}everyone`);
  });

  it("puts a field of several lines under its label, indented, and sets such fields apart", () => {
    const teams = renderText({
      title: "Debate teams",
      quotes: [],
      fields: [
        { label: "Proposition (2)", value: "@d\n@a" },
        { label: "Opposition (1)", value: "@b" },
      ],
      visibility: "public",
    });
    expect(teams).toContain("Proposition (2):\n    @d\n    @a\n\nOpposition (1): @b\n");
  });

  it("keeps one document's lines from running into the next in /docs", () => {
    const docs = renderText({
      title: "Documents",
      quotes: [],
      fields: [
        { label: "Canal (canal)", value: "File: canal.md\nNo integrity problems found." },
        { label: "River (river)", value: "File: river.md\nNo integrity problems found." },
      ],
      visibility: "private",
    });
    expect(docs).toContain("Canal (canal):\n    File: canal.md\n    No integrity problems found.\n\nRiver (river):\n    File: river.md");
  });

  it("keeps single-line fields one to a line, as /help lists commands", () => {
    const help = renderText({ title: "Help", quotes: [], fields: [{ label: "/a <x>", value: "A" }, { label: "/b", value: "B" }], visibility: "private" });
    expect(help).toContain("/a <x>: A\n/b: B\n");
  });

  it("wraps to a width between words, continuing a quote or a bullet under its own text", () => {
    const out = renderText(realisticReply(), { width: 40 });
    for (const line of out.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
    expect(out).toContain("[1] Reason 1: broken agreements\n    Russia has violated multiple\n    agreements,");
    expect(out.replace(/\n {4}(?![•—!])/g, " ")).toContain(MINSK_PASSAGE);
  });

  it("shows every quote: a terminal has no message limit", () => {
    const out = renderText(overflowingReply());
    expect(out.match(/^\[\d+\] /gm)?.length).toBe(60);
    expect(out).not.toContain("more not shown");
  });
});
