import {
  applySettingsChange,
  checkChannel,
  checkCutoff,
  checkLoggedCommand,
  checkVote,
  voteSlot,
  type ChannelSettings,
  type FeedbackVote,
  type LoggedCommand,
  type UsageGroups,
} from "../usageRecords.js";

/** Votes, the question log, channel settings and installations in this process's memory (the memory store's). */
export function createMemoryUsage(assertOpen: () => void): UsageGroups {
  const votes = new Map<string, FeedbackVote>();
  const entries = new Map<string, LoggedCommand>();
  const settings = new Map<string, ChannelSettings>();
  const installed = new Map<string, string>();
  const removeBefore = <T extends { at: number }>(records: Map<string, T>, cutoff: number) => {
    let removed = 0;
    for (const [key, record] of records) {
      if (record.at < cutoff) {
        records.delete(key);
        removed++;
      }
    }
    return removed;
  };
  const since = <T extends { at: number }>(records: Map<string, T>, from: number) =>
    [...records.values()].filter((record) => record.at >= from).sort((a, b) => a.at - b.at).map((record) => structuredClone(record));
  return {
    feedback: {
      async cast(vote) {
        assertOpen();
        const checked = checkVote(vote);
        const slot = voteSlot(checked);
        const replaced = votes.has(slot);
        votes.set(slot, checked);
        return { replaced };
      },
      async since(from) {
        assertOpen();
        return since(votes, from);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return removeBefore(votes, checkCutoff(cutoff));
      },
    },
    questionLog: {
      async record(entry) {
        assertOpen();
        const checked = checkLoggedCommand(entry);
        entries.set(checked.id, checked);
      },
      async get(id) {
        assertOpen();
        const entry = entries.get(id);
        return entry && structuredClone(entry);
      },
      async since(from) {
        assertOpen();
        return since(entries, from);
      },
      async removeOlderThan(cutoff) {
        assertOpen();
        return removeBefore(entries, checkCutoff(cutoff));
      },
    },
    channelSettings: {
      async get(channel) {
        assertOpen();
        return structuredClone(settings.get(checkChannel(channel)) ?? {});
      },
      async update(channel, change) {
        assertOpen();
        const next = applySettingsChange(settings.get(checkChannel(channel)) ?? {}, change);
        settings.set(channel, next);
        return structuredClone(next);
      },
    },
    installations: {
      async save(key, sealed) {
        assertOpen();
        if (!key) throw new RangeError("an installation needs a key");
        installed.set(key, sealed);
      },
      async get(key) {
        assertOpen();
        return installed.get(key);
      },
      async delete(key) {
        assertOpen();
        return installed.delete(key);
      },
    },
  };
}
