/**
 * A platform API's base URL from a variable (SLACK_API_URL, DISCORD_API_URL): for GovSlack, a shared REST proxy,
 * or a local stand-in in tests. https only, except plain http to this machine (localhost, 127.0.0.1, ::1), since
 * the bot's token travels with every call; no credentials, query or fragment. Undefined when unset; a problem
 * line (which never repeats the value) when it is not such a URL.
 */
export function readApiBaseUrl(value: string | undefined, variable: string, example: string, problems: string[]): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${variable} must be a URL, such as ${example}.`);
    return undefined;
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    problems.push(`${variable} must use https (plain http only for a stand-in on this machine: localhost or 127.0.0.1).`);
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.push(`${variable} must be a plain base URL, without credentials, query or fragment.`);
    return undefined;
  }
  return url.href;
}
