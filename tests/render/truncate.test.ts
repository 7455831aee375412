import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ELLIPSIS, joinWhileFits, truncate, truncateRendered } from "../../src/render/truncate.js";
import { escapeSlackMrkdwn } from "../../src/render/neutralizeMentions.js";

const BBC = "Talks stalled in March as both sides hardened their positions (BBC, 2022) and no date was set.";
const KOFMAN = "Attrition favours the defender (e.g., Kofman, 2023) according to most analysts of the war.";

/** Whether `cut` ends part-way through the citation `citation` found in `source`. */
function cutsInside(cut: string, source: string, citation: string): boolean {
  const start = source.indexOf(citation);
  const kept = cut.endsWith(ELLIPSIS) ? cut.slice(0, -ELLIPSIS.length) : cut;
  return kept.length > start && kept.length < start + citation.length;
}

describe("truncate", () => {
  it("returns text that fits unchanged", () => {
    expect(truncate(BBC, BBC.length)).toBe(BBC);
    expect(truncate("", 0)).toBe("");
  });

  it("cuts at a word boundary and ends with an ellipsis", () => {
    expect(truncate("The quick brown fox jumps", 12)).toBe("The quick…");
    expect(truncate("Hello, world and more", 8)).toBe("Hello…");
  });

  it("never cuts inside (BBC, 2022) at any length", () => {
    for (let max = 1; max < BBC.length; max++) {
      const cut = truncate(BBC, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cutsInside(cut, BBC, "(BBC, 2022)"), `max ${max}: ${cut}`).toBe(false);
      expect(cut).not.toMatch(/\(BBC(?!, 2022\))/);
    }
  });

  it("backs off to before the parenthesis of (e.g., Kofman, 2023)", () => {
    const start = KOFMAN.indexOf("(e.g.");
    expect(truncate(KOFMAN, start + 12)).toBe("Attrition favours the defender…");
    for (let max = 1; max < KOFMAN.length; max++) {
      expect(cutsInside(truncate(KOFMAN, max), KOFMAN, "(e.g., Kofman, 2023)")).toBe(false);
    }
  });

  it("may cut inside an aside that is not a citation", () => {
    const aside = "The delegation (which had travelled overnight from the capital) arrived late.";
    expect(truncate(aside, 40)).toBe("The delegation (which had travelled…");
  });

  it("does not split a surrogate pair when a single word is too long", () => {
    const cut = truncate("😀😀😀😀😀😀", 4);
    expect(cut).toBe("😀…");
  });

  it("always fits and keeps a prefix of the source", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(320), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
        const kept = cut.endsWith(ELLIPSIS) && cut !== text ? cut.slice(0, -1) : cut;
        expect(text.startsWith(kept)).toBe(true);
      }),
    );
  });
});

describe("truncateRendered", () => {
  it("fits the rendered form and never splits an escape", () => {
    const source = "R&D <costs> & A&B ".repeat(20);
    for (let max = 0; max < 200; max++) {
      const rendered = truncateRendered(source, max, escapeSlackMrkdwn);
      expect(rendered.length).toBeLessThanOrEqual(max);
      expect(rendered).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it("returns the rendering unchanged when it fits", () => {
    expect(truncateRendered("a & b", 20, escapeSlackMrkdwn)).toBe("a &amp; b");
  });
});

describe("joinWhileFits", () => {
  it("keeps whole items and counts the rest", () => {
    const items = ["alpha", "bravo", "charlie", "delta"];
    const { text, count } = joinWhileFits(items, 28, "\n", (s) => `• ${s}`, (n) => `+${n} more`);
    expect(text).toBe("• alpha\n• bravo\n+2 more");
    expect(count).toBe(2);
    expect(text.length).toBeLessThanOrEqual(28);
  });

  it("cuts a single over-long first item instead of showing nothing", () => {
    const { text, count } = joinWhileFits(["word ".repeat(50)], 30, "\n", (s) => s, () => "");
    expect(count).toBe(1);
    expect(text.length).toBeLessThanOrEqual(30);
    expect(text.endsWith(ELLIPSIS)).toBe(true);
  });
});
