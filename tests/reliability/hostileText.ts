/**
 * Text an attacker, a confused user or a broken client might type: mention and broadcast syntax for both
 * platforms, markdown, control and escape characters, direction overrides, regex metacharacters, scripts and
 * emoji, huge inputs, and option suffixes that try to address a reply to someone. Mixed with words the essay
 * really contains, so commands also answer with quotes (and render long, cited replies) instead of only
 * refusing.
 */
import fc from "fast-check";

export const HOSTILE_FRAGMENTS = [
  "@everyone", "@here", "@channel", "@Everyone", "<!channel>", "<!here>", "<!everyone>", "<!subteam^S123>",
  "<@U123>", "<@U123|dana>", "<@&123456789012345678>", "<@123456789012345678>", "<@!123456789012345678>",
  "<#C1>", "<#123456789012345678>", "</ask:123456789012345678>", "<t:1700000000:R>", "<http://x|y>",
  "<https://evil.example/login|Official notice>", "[click](https://evil.example)", "**", "__", "~~", "`", "```",
  "||", ">", "> quote", "# heading", "- item", "1. item", "&amp;", "&lt;", "<", ">", "&", "\\", "*bold*", "_it_",
  "\u0000", "\u0007", "\b", "\t", "\r", "\r\n", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f", "\u0085", "\u009b",
  "\u009f", "\u001b[31m", "\u001b[2J", "\u001b]0;pwned\u0007", "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\",
  "\u009b31m", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u2028",
  "\u2029", ".*", "(a+)+$", "[^]", "\\d+", "$1", "$&", "(?<x>)", "{1,}", "|", "^", "?", "+", "Россия", "Украина",
  "переговоры", "🇺🇦", "👍🏽", "👨‍👩‍👧", "\ud83d", "\ude00", "é", "e\u0301", "ﬁ", "Ω", "中文", "العربية",
  "for:", "for: <@U999|x>", "for: <@U999>", "for: @everyone", "for: <!channel>", "for: <@&123456789012345678>",
  "for: 123456789012345678", "document:", "doc: nope", "document: russia-ukraine-peace-talks", "name:", "question:",
  "vs", "versus", ",", ";", "/", "|", "gt1|ask|0||question=x", "%00", "%3C%40U1%3E",
];

/** Words and phrases from the essay, so generated questions reach real passages. */
export const ESSAY_WORDS = [
  "minsk", "Minsk accords", "Istanbul Communiqué", "NATO", "grain deal", "Mearsheimer", "Kofman", "ceasefire",
  "Reuters", "BBC", "2022", "sanctions", "Zelensky", "Putin", "Bucha", "negotiations", "security guarantees",
  "territory", "why did the talks stall", "trust", "armistice", "Black Sea", "Crimea", "Donbas",
];

const fragment = fc.constantFrom(...HOSTILE_FRAGMENTS);
const essayWord = fc.constantFrom(...ESSAY_WORDS);
const joiner = fc.constantFrom("", " ", " ", "\n", "  ");

/** Hostile fragments and essay words strung together with spaces, newlines or nothing. */
const mixedText = fc
  .array(fc.tuple(fc.oneof({ weight: 3, arbitrary: fragment }, { weight: 2, arbitrary: essayWord }), joiner), { maxLength: 24 })
  .map((parts) => parts.map(([part, join]) => part + join).join(""));

/** Anything at all: any code point, lone surrogates included (a broken client can send them). */
const anyUnicode = fc.string({ unit: "binary", maxLength: 200 });
const anyGraphemes = fc.string({ unit: "grapheme", maxLength: 120 });

/** Over 100 KB: far past the 2,000 characters the registry keeps, to prove the cut is made before any work. */
const hugeText = fc
  .tuple(fc.oneof(fragment, essayWord, anyGraphemes.filter((text) => text.length > 0)), fc.integer({ min: 0, max: 50 }))
  .map(([seed, offset]) => {
    const unit = `${seed} `;
    return (unit.repeat(Math.ceil(102_400 / unit.length)) + " ".repeat(offset)).slice(0, 102_400 + offset);
  });

/** A question with a `for:` suffix aimed at someone or something. */
const addressedText = fc
  .tuple(fc.oneof(mixedText, essayWord), fc.constantFrom("<@U999|x>", "<@U999>", "<@W0ABCDEF1>", "@everyone", "<!here>", "<@&1234567>", "123456789012345678", "<@123456789012345678>", "dana", ""))
  .map(([text, person]) => `${text} for: ${person}`);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: mixedText },
  { weight: 3, arbitrary: anyUnicode },
  { weight: 2, arbitrary: anyGraphemes },
  { weight: 2, arbitrary: addressedText },
  { weight: 1, arbitrary: hugeText },
);
