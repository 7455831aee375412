/**
 * A Discord message's content as the words a reader sees: user, role and channel mentions and @everyone/@here
 * drop out (they are ids, not words about the document), custom emoji become their names, and `<https://…>`
 * (a link with its preview suppressed) its address.
 */
export function discordMessageText(content: string): string {
  return content
    .replace(/<@[!&]?\d{1,20}>/g, " ")
    .replace(/<#\d{1,20}>/g, " ")
    .replace(/<a?:(\w{1,32}):\d{1,20}>/g, " $1 ")
    .replace(/<(https?:\/\/[^\s<>]+)>/g, "$1")
    .replace(/@(?:everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a message mentions the bot: in `mentions` (Discord's own list), or as `<@id>` / `<@!id>` in its words. */
export function mentionsUser(message: { content: string; mentions?: ReadonlyArray<{ id: string }> }, userId: string): boolean {
  return (message.mentions ?? []).some((user) => user.id === userId) || message.content.includes(`<@${userId}>`) || message.content.includes(`<@!${userId}>`);
}
