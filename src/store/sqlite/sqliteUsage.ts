import type { Database } from "better-sqlite3";
import {
  applySettingsChange,
  checkChannel,
  checkCutoff,
  checkLoggedCommand,
  checkVote,
  voteSlot,
  type ChannelSettings,
  type ChannelSettingsStore,
  type FeedbackVote,
  type LoggedCommand,
  type UsageGroups,
} from "../usageRecords.js";

/** Votes, the question log, channel settings and installations in the SQLite file (schema version 2). */
export function createSqliteUsage(db: Database, assertOpen: () => void): UsageGroups {
  const castVote = db.prepare(
    `INSERT INTO feedback_votes (slot, at, vote) VALUES (?, ?, ?) ON CONFLICT (slot) DO UPDATE SET at = excluded.at, vote = excluded.vote`,
  );
  const votesSince = db.prepare(`SELECT vote FROM feedback_votes WHERE at >= ? ORDER BY at, slot`).pluck();
  const removeVotes = db.prepare(`DELETE FROM feedback_votes WHERE at < ?`);
  const findVote = db.prepare(`SELECT 1 FROM feedback_votes WHERE slot = ?`).pluck();
  // Whether it replaced a vote, read in the same IMMEDIATE transaction as the write.
  const castAtomically = db.transaction((slot: string, vote: FeedbackVote) => {
    const replaced = findVote.get(slot) !== undefined;
    castVote.run(slot, vote.at, JSON.stringify(vote));
    return replaced;
  });

  const recordEntry = db.prepare(`INSERT INTO question_log (id, at, entry) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at, entry = excluded.entry`);
  const readEntry = db.prepare(`SELECT entry FROM question_log WHERE id = ?`).pluck();
  const entriesSince = db.prepare(`SELECT entry FROM question_log WHERE at >= ? ORDER BY at, id`).pluck();
  const removeEntries = db.prepare(`DELETE FROM question_log WHERE at < ?`);

  const readSettings = db.prepare(`SELECT settings FROM channel_settings WHERE channel = ?`).pluck();
  const writeSettings = db.prepare(
    `INSERT INTO channel_settings (channel, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (channel) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
  );
  const settingsOf = (channel: string): ChannelSettings => {
    const text = readSettings.get(channel) as string | undefined;
    return text ? (JSON.parse(text) as ChannelSettings) : {};
  };
  // Read, merge and write in one IMMEDIATE transaction: another process's change waits for the write lock and
  // merges into this one's result instead of overwriting it.
  const updateSettings = db.transaction((channel: string, change: Parameters<ChannelSettingsStore["update"]>[1]) => {
    const next = applySettingsChange(settingsOf(channel), change);
    writeSettings.run(channel, JSON.stringify(next), Date.now());
    return next;
  });

  const saveInstallation = db.prepare(
    `INSERT INTO installations (key, sealed, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at`,
  );
  const readInstallation = db.prepare(`SELECT sealed FROM installations WHERE key = ?`).pluck();
  const removeInstallation = db.prepare(`DELETE FROM installations WHERE key = ?`);

  return {
    feedback: {
      async cast(vote) {
        assertOpen();
        const checked = checkVote(vote);
        return { replaced: castAtomically.immediate(voteSlot(checked), checked) };
      },
      async since(from) {
        assertOpen();
        return (votesSince.all(from) as string[]).map((text) => JSON.parse(text) as FeedbackVote);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return removeVotes.run(checkCutoff(cutoff)).changes;
      },
    },
    questionLog: {
      async record(entry) {
        assertOpen();
        const checked = checkLoggedCommand(entry);
        recordEntry.run(checked.id, checked.at, JSON.stringify(checked));
      },
      async get(id) {
        assertOpen();
        const text = readEntry.get(id) as string | undefined;
        return text === undefined ? undefined : (JSON.parse(text) as LoggedCommand);
      },
      async since(from) {
        assertOpen();
        return (entriesSince.all(from) as string[]).map((text) => JSON.parse(text) as LoggedCommand);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return removeEntries.run(checkCutoff(cutoff)).changes;
      },
    },
    channelSettings: {
      async get(channel) {
        assertOpen();
        return settingsOf(checkChannel(channel));
      },
      async update(channel, change) {
        assertOpen();
        return updateSettings.immediate(checkChannel(channel), change);
      },
    },
    installations: {
      async save(key, sealed) {
        assertOpen();
        if (!key) throw new RangeError("an installation needs a key");
        saveInstallation.run(key, sealed, Date.now());
      },
      async get(key) {
        assertOpen();
        return readInstallation.get(key) as string | undefined;
      },
      async delete(key) {
        assertOpen();
        return removeInstallation.run(key).changes > 0;
      },
    },
  };
}
