import { describe, expect, it } from "vitest";
import { createReminderDesk } from "../../src/app/reminderDesk.js";
import { createMemoryStore, type DueReminder } from "../../src/store/index.js";
import { captureLogs } from "../slack/slackHarness.js";

describe("the reminder desk", () => {
  it("stores a reply's follow-ups due their delay after the command, and cancels them by id", async () => {
    const state = createMemoryStore();
    const desk = createReminderDesk(state, captureLogs().logger);
    const from = 1_000_000;
    const kept = await desk.schedule("slack", { channel: "C1" }, [
      { delaySeconds: 240, text: "1 minute left" },
      { delaySeconds: 300, text: "Time is up" },
    ], from);
    expect(kept.map((reminder) => [reminder.dueAt, reminder.platform, reminder.target, reminder.text])).toEqual([
      [from + 240_000, "slack", { channel: "C1" }, "1 minute left"],
      [from + 300_000, "slack", { channel: "C1" }, "Time is up"],
    ]);
    expect(await desk.cancel(kept.map((reminder) => reminder.id))).toBe(2);
    expect(await desk.cancel(kept.map((reminder) => reminder.id))).toBe(0);
    expect(await state.reminders.pending()).toEqual([]);
  });

  it("posts each due reminder with its platform's poster, once, and keeps one for a platform this process does not run", async () => {
    const state = createMemoryStore();
    const logs = captureLogs();
    const desk = createReminderDesk(state, logs.logger, { pollMs: 20 });
    const posted: DueReminder[] = [];
    desk.deliverWith("discord", async (reminder) => {
      posted.push(reminder);
    });
    await desk.schedule("discord", { channel: "1" }, [{ delaySeconds: 0, text: "Time is up" }]);
    await desk.schedule("slack", { channel: "C1" }, [{ delaySeconds: 0, text: "Not here" }]);
    desk.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await desk.stop();
    expect(posted.map((reminder) => reminder.text)).toEqual(["Time is up"]);
    // Released for another instance (one that runs Slack) to claim.
    expect((await state.reminders.pending()).map((reminder) => reminder.text)).toEqual(["Not here"]);
    expect(logs.lines().some((line) => String(line.err).includes("no slack platform runs in this process"))).toBe(true);
  });

  it("does not start a runner when no platform posts reminders (the console)", async () => {
    const state = createMemoryStore();
    const desk = createReminderDesk(state, captureLogs().logger, { pollMs: 20 });
    await desk.schedule("console", {}, [{ delaySeconds: 0, text: "x" }]);
    desk.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await desk.stop();
    expect((await state.reminders.pending())[0]).toMatchObject({ attempts: 0 });
  });
});
