import fc from "fast-check";
import type { Reply, ReplyQuote } from "../../src/reply/types.js";

export const MINSK_PASSAGE =
  "Russia has violated multiple agreements, from the Minsk accords (2014-2015) to the 2022 Istanbul Communiqué.";

export const minskQuote: ReplyQuote = {
  passageId: "russia-ukraine-peace-talks#12",
  text: MINSK_PASSAGE,
  document: "russia-ukraine-peace-talks",
  section: "Why a ceasefire is hard",
  label: "Reason 1: broken agreements",
  citations: [
    { author: "Wilson", year: "2022", reference: "Wilson, A. (2022). Chatham House." },
    { author: "Reuters", year: "2023", reference: null, warning: "not in the reference list" },
  ],
};

/** A typical /ask answer: one quote with a checked and an unchecked citation, a More button, a footer. */
export function realisticReply(overrides: Partial<Reply> = {}): Reply {
  return {
    title: "Has Russia kept its agreements?",
    text: "One passage answers this directly.",
    quotes: [minskQuote],
    references: ["Wilson, A. (2022). Chatham House."],
    fields: [{ label: "Document", value: "Russia–Ukraine peace talks" }],
    actions: [{ label: "More", value: "gt1:more:minsk:1", style: "primary" }],
    footer: "Quotes are verbatim from the document.",
    visibility: "public",
    kind: "answer",
    ...overrides,
  };
}

/** Every part far over every platform limit at once. */
export function overflowingReply(overrides: Partial<Reply> = {}): Reply {
  const long = (seed: string, length: number) => {
    let text = "";
    for (let i = 0; text.length < length; i++) text += `${seed} ${i} (Smith, 20${String(i % 100).padStart(2, "0")}) `;
    return text.slice(0, length);
  };
  return {
    title: long("Title", 1_000),
    text: long("Lead", 5_000),
    quotes: Array.from({ length: 60 }, (_, i) => ({
      ...minskQuote,
      passageId: `doc#${i}`,
      text: `${i}: ${long("Passage words & <more> words", 3_000)}`,
    })),
    references: Array.from({ length: 40 }, (_, i) => `Author${i}, A. (2020). ${long("Reference", 300)}`),
    fields: Array.from({ length: 40 }, (_, i) => ({ label: long(`Field ${i}`, 400), value: long("Value", 5_000) })),
    actions: [
      ...Array.from({ length: 29 }, (_, i) => ({ label: long(`Action ${i}`, 200), value: `gt1:act:${i}` })),
      { label: "More", value: "gt1:more:x:2" },
    ],
    footer: long("Footer", 5_000),
    visibility: "private",
    share: "gt1:share:x",
    ...overrides,
  };
}

export const INJECTIONS = [
  "@everyone",
  "@here",
  "@channel",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U123>",
  "<@&123>",
  "<@123>",
  "<@!123456789012345678>",
  "<#C123>",
  "<https://evil.example|https://bank.example>",
  "\u0007",
  "\u001b[31m",
].join(" ");

/** A reply with mention syntax of both platforms and control characters in every text it carries. */
export function hostileReply(overrides: Partial<Reply> = {}): Reply {
  return {
    title: `Title ${INJECTIONS}`,
    text: `Lead ${INJECTIONS}`,
    quotes: [
      {
        ...minskQuote,
        text: `Quote ${INJECTIONS}\n${INJECTIONS}`,
        label: `Label ${INJECTIONS}`,
        section: `Section ${INJECTIONS}`,
        document: `Doc ${INJECTIONS}`,
        citations: [{ author: `A ${INJECTIONS}`, year: "2020", reference: `Ref ${INJECTIONS}`, warning: INJECTIONS }],
      },
    ],
    references: [`Reference ${INJECTIONS}`],
    fields: [{ label: `Field ${INJECTIONS}`, value: `Value ${INJECTIONS}` }],
    actions: [{ label: `Button ${INJECTIONS}`, value: "gt1:more:x:1" }],
    footer: `Footer ${INJECTIONS}`,
    visibility: "public",
    ...overrides,
  };
}

/** Every string value in a JSON-like structure, with the key it was found under. */
export function collectStrings(node: unknown, key = ""): { key: string; value: string }[] {
  if (typeof node === "string") return [{ key, value: node }];
  if (Array.isArray(node)) return node.flatMap((item) => collectStrings(item, key));
  if (node !== null && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) => collectStrings(v, k));
  }
  return [];
}

/**
 * Random replies of every shape, far past every platform limit. `maxValue` is the longest button value and share
 * invocation generated, so each platform is also fed ones it must refuse; `mentionId` shapes the addressee ids.
 */
export function arbitraryReply(options: { maxValue: number; mentionId: RegExp }): fc.Arbitrary<Reply> {
  const text = fc.string({ maxLength: 5_000 });
  const citation = fc.record({
    author: fc.string(),
    year: fc.string(),
    reference: fc.option(fc.string({ maxLength: 600 }), { nil: null }),
    warning: fc.option(fc.string(), { nil: undefined }),
  });
  const quote = fc.record({
    passageId: fc.string(),
    text,
    document: fc.string({ maxLength: 300 }),
    section: fc.string({ maxLength: 300 }),
    label: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
    citations: fc.array(citation, { maxLength: 30 }),
  });
  const action = fc.record({
    label: fc.string({ maxLength: 200 }),
    value: fc.string({ maxLength: options.maxValue }),
    style: fc.option(fc.constantFrom<"primary" | "default">("primary", "default"), { nil: undefined }),
  });
  return fc.record({
    title: text,
    text: fc.option(text, { nil: undefined }),
    quotes: fc.array(quote, { maxLength: 70 }),
    references: fc.array(fc.string({ maxLength: 600 }), { maxLength: 50 }),
    fields: fc.array(fc.record({ label: fc.string({ maxLength: 500 }), value: text }), { maxLength: 40 }),
    actions: fc.array(action, { maxLength: 40 }),
    footer: fc.option(text, { nil: undefined }),
    visibility: fc.constantFrom<"public" | "private">("public", "private"),
    share: fc.option(fc.string({ maxLength: options.maxValue }), { nil: undefined }),
    mentions: fc.option(fc.array(fc.stringMatching(options.mentionId), { maxLength: 150 }), { nil: undefined }),
  });
}
