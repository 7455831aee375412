import { afterEach, describe, expect, it, vi } from "vitest";
import {
  blockText,
  buttonsOf,
  MINSK_PASSAGE,
  postSigned,
  slashCommandBody,
  useSlackTestServer,
} from "./slackHarness.js";

describe("Slack slash commands over HTTP, signed as Slack signs them", () => {
  const server = useSlackTestServer();

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers /source minsk in the acknowledgement: the Minsk passage and where it is from, privately", async () => {
    const started = Date.now();
    const response = await postSigned(server().url, slashCommandBody("/source", "minsk"));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    const body = (await response.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    const shown = blockText(body.blocks);
    expect(shown).toContain(`>${MINSK_PASSAGE}`);
    expect(shown).toContain("The Trust Deficit and Enforcement Challenges");
    expect(shown).toContain("Russia Ukraine Peace Talks");
    // A private answer can be shared: the Share button carries the invocation.
    const share = buttonsOf(body.blocks).find((button) => button.action_id === "gt_share");
    expect(share?.text.text).toBe("Share in channel");
    expect(share?.value).toMatch(/^gt1\|source\|/);
  });

  it("says /cite reuters is cited but not in the reference list, with the passage that cites it", async () => {
    const response = await postSigned(server().url, slashCommandBody("/cite", "reuters"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    const shown = blockText(body.blocks);
    expect(shown).toMatch(/Reuters \(2023\) is cited in the text but is not in the reference list/);
    expect(shown).toContain("the grain deal brokered by Turkey and the UN");
  });

  it("answers a command the registry does not have with what it does have", async () => {
    const response = await postSigned(server().url, slashCommandBody("/nosuch", ""));
    const body = (await response.json()) as { response_type: string; blocks: unknown[] };
    expect(body.response_type).toBe("ephemeral");
    expect(blockText(body.blocks)).toContain("There is no /nosuch command");
    expect(blockText(body.blocks)).toContain("/source");
  });

  describe("refuses anything Slack did not sign, before any command runs", () => {
    const nowSeconds = () => Math.floor(Date.now() / 1000);
    // Options are built when each test runs: a timestamp computed at collection time would drift into the window.
    const cases: Array<[string, () => Parameters<typeof postSigned>[2]]> = [
      ["a signature made with another secret", () => ({ secret: "not-the-signing-secret" })],
      ["no signature at all", () => ({ unsigned: true })],
      ["a timestamp older than five minutes", () => ({ timestamp: nowSeconds() - 301 })],
      ["a timestamp more than five minutes ahead", () => ({ timestamp: nowSeconds() + 301 })],
      ["a body changed after signing", () => ({ tamper: (body: string) => body.replace("text=minsk", "text=bucha") })],
    ];
    for (const [name, options] of cases) {
      it(`401 for ${name}`, async () => {
        const run = vi.spyOn(server().registry, "run");
        const response = await postSigned(server().url, slashCommandBody("/source", "minsk"), options());
        expect(response.status).toBe(401);
        expect(await response.text()).toBe("");
        expect(run).not.toHaveBeenCalled();
      });
    }

    it("accepts a timestamp four minutes old (inside the window)", async () => {
      const response = await postSigned(server().url, slashCommandBody("/source", "minsk"), {
        timestamp: nowSeconds() - 240,
      });
      expect(response.status).toBe(200);
    });
  });

  it("never logs the bot token or the signature", async () => {
    await postSigned(server().url, slashCommandBody("/source", "minsk"));
    await postSigned(server().url, slashCommandBody("/source", "minsk"), { secret: "wrong" });
    expect(server().logs.text()).not.toContain("xoxb-");
    expect(server().logs.text()).not.toContain("v0=");
  });
});
