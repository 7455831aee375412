import { describe, expect, it } from "vitest";
import { readSlackSettings } from "../../src/platforms/slack/config.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5".replace(/[yz]/g, "a") };

function read(env: Record<string, string>) {
  const problems: string[] = [];
  const settings = readSlackSettings((name) => env[name], problems);
  return { settings, problems };
}

describe("SLACK_API_URL", () => {
  it("is Slack's own (unset) by default, and GovSlack's or a proxy's when given, ending in a slash", () => {
    expect(read(base).settings).not.toHaveProperty("apiUrl");
    expect(read({ ...base, SLACK_API_URL: "https://slack-gov.com/api" }).settings?.apiUrl).toBe("https://slack-gov.com/api/");
    expect(read({ ...base, SLACK_API_URL: "http://127.0.0.1:8080/api/" }).settings?.apiUrl).toBe("http://127.0.0.1:8080/api/");
  });

  it("refuses a URL that would send the token in clear across a network, or carry credentials", () => {
    for (const value of ["http://proxy.example.org/api/", "not a url", "https://user:pw@proxy.example.org/api/", "ftp://x/api/"]) {
      const { settings, problems } = read({ ...base, SLACK_API_URL: value });
      expect(settings, value).toBeNull();
      expect(problems.join(" "), value).toContain("SLACK_API_URL");
      expect(problems.join(" ")).not.toContain("pw@");
    }
  });
});
