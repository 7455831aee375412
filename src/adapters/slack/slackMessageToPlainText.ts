/**
 * A Slack message's mrkdwn as the words a reader sees, for searching: links become their label, mentions
 * and channel references drop out (they are ids, not words), and `&amp;`-style escapes are undone.
 */
export function slackMessageToPlainText(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<((?:https?|mailto):[^>]*)>/g, "$1")
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
