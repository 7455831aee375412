/**
 * The platform-neutral reply every command returns. Each platform's renderer turns it into Slack Block Kit,
 * Discord embeds or terminal text; renderers own escaping, mention neutralising and platform limits, so a
 * handler never formats for a platform.
 */

export interface ReplyCitation {
  author: string;
  year: string;
  /** The full reference-list entry, or null when the document's reference list has none. */
  reference: string | null;
  /** A plain warning when the citation cannot be checked (missing from the list, no title or venue). */
  warning?: string;
}

/** A passage quoted verbatim, with where it comes from and what it cites. */
export interface ReplyQuote {
  passageId: string;
  /** Verbatim passage text. Never rewritten by a handler. */
  text: string;
  document: string;
  section: string;
  /** The page the passage starts on, in documents with pages (PDF), and the page it ends on when later. */
  page?: number;
  pageEnd?: number;
  citations: ReplyCitation[];
  /** An optional short label shown above the quote ("Proposition", "Reason 1: …"). */
  label?: string;
  /** Search score, when the quote is a search result. */
  score?: number;
  /**
   * In a passage of several sentences, the one that answered the question (verbatim, a part of `text`):
   * renderers mark it (bold on Slack and Discord, marked in the terminal).
   */
  answering?: string;
}

export interface ReplyField {
  label: string;
  value: string;
}

/**
 * A button. `value` is an encoded invocation (see invocation.ts) that the registry can run statelessly:
 * everything needed to answer the click travels in the button itself.
 */
export interface ReplyAction {
  label: string;
  value: string;
  style?: "primary" | "default";
  /**
   * The index of the quote this button belongs to ("Context 2" → 1): a renderer that could not fit that quote
   * leaves its button out too.
   */
  quote?: number;
}

export type Visibility = "private" | "public";

export interface Reply {
  title: string;
  /** Lead text from the bot, before the quotes. May contain text the user typed: renderers escape it. */
  text?: string;
  quotes: ReplyQuote[];
  /** Full references for the citations in the quotes (or for a /cite answer), deduplicated. */
  references?: string[];
  fields?: ReplyField[];
  actions?: ReplyAction[];
  /** A closing line (a hint, how to see the rest). */
  footer?: string;
  visibility: Visibility;
  /**
   * The platform user ids this reply is addressed to and may ping (`/ask … for: @dana`). Renderers
   * allow exactly these and nothing else; all other mention syntax is neutralised.
   */
  mentions?: string[];
  /** An encoded invocation that reproduces this reply, for a "Share in channel" button. */
  share?: string;
  /**
   * Messages to post later in the same conversation (a speaking timer's "one minute left" and "time is up").
   * Each adapter delivers them its own way (Slack and Discord: kept in the store and posted with the bot token; console timers).
   */
  followUps?: ReplyFollowUp[];
  /**
   * How well the documents answer what was asked, when the command judged it: `strong` (a passage answers it),
   * `weak` (only the nearest passages), `none` (the documents do not discuss it). Renderers ignore it; the
   * question log counts it for /insights.
   */
  confidence?: "strong" | "weak" | "none";
  /** "error" replies (bad input, nothing found, failures) are always private. */
  kind?: "answer" | "notice" | "error";
}

export interface ReplyFollowUp {
  /** Seconds after the reply is sent. */
  delaySeconds: number;
  /** Plain text, posted publicly in the same channel or thread. */
  text: string;
}
