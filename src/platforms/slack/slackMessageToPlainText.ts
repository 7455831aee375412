/**
 * Slack sends text as mrkdwn: `&`, `<` and `>` typed by a user arrive as `&amp;`, `&lt;` and `&gt;`, and (with
 * `should_escape`) mentions, channels and links arrive as `<@U123|dana>`, `<#C123|general>` and
 * `<https://…|label>`. Search wants the words a reader sees, so these turn back into them here.
 */

export interface SlackTextOptions {
  /**
   * Keep user mentions as Slack's `<@U123|dana>` tokens, for options that name people (`for:`, /teams): the id
   * is how the reply addresses that one person.
   */
  keepUserMentions?: boolean;
}

/** Any `<…>` token: Slack never sends a bare `<` (a typed one arrives as `&lt;`). */
const SLACK_TOKEN = /<([^<>]*)>/g;

/**
 * `<https://x|label>` → `label`, `<https://x>` → `https://x`, then `&lt;`, `&gt;`, `&amp;` → `<`, `>`, `&`.
 * Mentions, channels and broadcasts (`<@U123|dana>`, `<#C123|general>`, `<!here>`) are ids, not words about
 * the document, so they drop out, unless an option names people and keeps its mentions.
 */
export function slackTextToPlainWords(text: string, options: SlackTextOptions = {}): string {
  const replaced = text.replace(SLACK_TOKEN, (token, inner: string) => {
    const bar = inner.indexOf("|");
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? "" : inner.slice(bar + 1);
    if (target.startsWith("@")) return options.keepUserMentions ? token : " ";
    // A date's fallback is the words the reader sees; user groups and broadcasts are not.
    if (target.startsWith("!date^")) return label || " ";
    if (target.startsWith("#") || target.startsWith("!")) return " ";
    return label || target.replace(/^mailto:/, "");
  });
  // `&amp;` last: `&amp;lt;` is a typed `&lt;`, not a `<`.
  return replaced.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A Slack message's mrkdwn as one line of the words a reader sees ("Find in document" searches it). */
export function slackMessageToPlainText(text: string): string {
  return slackTextToPlainWords(text).replace(/\s+/g, " ").trim();
}
