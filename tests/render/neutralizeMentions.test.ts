import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  escapeDiscordMarkdown,
  mentionableIds,
  neutralizeForDiscord,
  neutralizeForDiscordPlain,
  neutralizeForSlack,
  neutralizeForTerminal,
  stripControlCharacters,
} from "../../src/render/neutralizeMentions.js";

const ZWSP = "\u200b";

describe("stripControlCharacters", () => {
  it("removes whole ANSI sequences, not just the ESC byte", () => {
    expect(stripControlCharacters("\u001b[31mred\u001b[0m text")).toBe("red text");
    expect(stripControlCharacters("\u001b]0;pwned title\u0007after")).toBe("after");
    expect(stripControlCharacters("\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\")).toBe("link");
    expect(stripControlCharacters("\u009b2Jcleared")).toBe("cleared");
  });

  it("removes C0 and C1 controls but keeps newlines, and turns tabs and CR into whitespace", () => {
    expect(stripControlCharacters("a\u0007b\u0000c\u007fd\u0085e")).toBe("abcde");
    expect(stripControlCharacters("line1\r\nline2\rline3\ttabbed")).toBe("line1\nline2\nline3 tabbed");
  });

  it("leaves no control character for any input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(stripControlCharacters(text)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      }),
    );
  });

  it("returns clean text as it is, and leaves no lone surrogate in any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 50 }), (clean, mixed) => {
        const printable = clean.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "");
        expect(stripControlCharacters(printable)).toBe(printable);
        const out = stripControlCharacters(printable + mixed);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\r\t\u2028\u2029]/);
      }),
    );
  });
});

describe("neutralizeForSlack", () => {
  it("escapes only &, < and >", () => {
    expect(neutralizeForSlack(`R&D <b> "quoted" it's`)).toBe(`R&amp;D &lt;b&gt; "quoted" it's`);
  });

  it("disarms Slack and Discord mention syntax", () => {
    const out = neutralizeForSlack("<!channel> <!here> <@U123> <#C1> <https://evil|bank> @everyone @here @channel");
    expect(out).not.toMatch(/<[!@#]|<http/);
    expect(out).not.toMatch(/@(everyone|here|channel)/);
    expect(out).toContain(`@${ZWSP}everyone`);
  });
});

describe("neutralizeForDiscord", () => {
  it("breaks every mention form with a zero-width space", () => {
    const out = neutralizeForDiscord("@everyone @here <@123> <@!123> <@&123> <#123> <!channel>");
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out).not.toMatch(/<[@#!]/);
    expect(out.replaceAll(ZWSP, "")).toBe("@everyone @here <@123> <@!123> <@&123> <#123> <!channel>");
  });

  it("escapes markdown so quoted text cannot restyle or spoof", () => {
    expect(escapeDiscordMarkdown("**bold** __under__ `code` ||spoiler|| ~~gone~~")).toBe(
      "\\*\\*bold\\*\\* \\_\\_under\\_\\_ \\`code\\` \\|\\|spoiler\\|\\| \\~\\~gone\\~\\~",
    );
    expect(escapeDiscordMarkdown("> fake quote\n# fake heading\n- item\n1. first")).toBe(
      "\\> fake quote\n\\# fake heading\n\\- item\n1\\. first",
    );
    expect(escapeDiscordMarkdown("[bank](https://evil.example)")).toBe("\\[bank\\](https://evil.example)");
    expect(escapeDiscordMarkdown("a > b, (BBC, 2022)")).toBe("a > b, (BBC, 2022)");
  });

  it("leaves plain surfaces free of backslashes but still inert", () => {
    expect(neutralizeForDiscordPlain("**Title** @here")).toBe(`**Title** @${ZWSP}here`);
  });
});

describe("neutralizeForTerminal", () => {
  it("strips escapes and breaks mentions", () => {
    expect(neutralizeForTerminal("\u001b[2J@everyone <@1>\u0007")).toBe(`@${ZWSP}everyone <${ZWSP}@1>`);
  });
});

describe("mentionableIds", () => {
  it("keeps platform ids, deduplicated, and refuses anything that could close the token", () => {
    expect(mentionableIds(["U42", "123456789012345678", "U42", "U1><!channel", "", "a b"])).toEqual([
      "U42",
      "123456789012345678",
    ]);
    expect(mentionableIds(undefined)).toEqual([]);
  });
});
