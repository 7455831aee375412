/**
 * The embedded default: one `npm start` process on a SQLite file. A timer set before the process was killed
 * (SIGKILL, nothing cleaned up) is posted by the next start; missed while nobody ran, it says so.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { slackSlashCommand } from "../support/signedRequests.js";
import { postedMessages, sendSigned, startBot, type BotProcess } from "./botProcesses.js";

const dir = mkdtempSync(join(tmpdir(), "gt-restart-"));
const postsFile = join(dir, "posted.jsonl");
const env = {
  DATA_DIR: join(dir, "data"),
  LOG_LEVEL: "info",
  SLACK_BOT_TOKEN: "xoxb-000000000000-000000000000-restartrestartrestartre",
  SLACK_SIGNING_SECRET: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
};
const bots: BotProcess[] = [];

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe("a timer on SQLite across a restart of the only process", () => {
  it(
    "is posted by the next start, once, marked late, when it came due while the bot was down",
    async () => {
      const first = await startBot(env, postsFile);
      bots.push(first);
      const health = (await (await fetch(`${first.url}/healthz`)).json()) as { store: unknown };
      expect(health.store).toEqual({ backend: "sqlite", status: "ok" });
      const sentAt = Date.now();
      expect((await sendSigned(first, slackSlashCommand("timer", "1 closing", "URESTART"))).status).toBe(200);
      await first.kill();

      // Down until well past the reminder's time (due 60 s after the command; late beyond 5 s).
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, sentAt + 67_000 - Date.now())));
      const second = await startBot(env, postsFile);
      bots.push(second);
      const isTimeUp = (text: string | undefined) => text?.startsWith("Time is up for closing") ?? false;
      const deadline = Date.now() + 10_000;
      while (!postedMessages(postsFile).some((post) => isTimeUp(post.body.text)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const rang = postedMessages(postsFile).filter((post) => isTimeUp(post.body.text));
      expect(rang).toHaveLength(1);
      expect(rang[0]).toMatchObject({ pid: second.pid, body: { channel: "C0001", text: "Time is up for closing: 1 minute. (late: the bot restarted)" } });
    },
    150_000,
  );
});
