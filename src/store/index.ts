export type {
  ClaimOptions,
  KeyValues,
  PendingReminder,
  RateDecision,
  RateLimits,
  RateWindow,
  Reminder,
  ReminderDraft,
  Reminders,
  ReminderTarget,
  ReplayKeys,
  Store,
  StoreBackend,
  StoreHealth,
} from "./store.js";
export { StoreClosedError } from "./store.js";
export { readStoreConfig, DEFAULT_DATA_DIR, SQLITE_FILE_NAME, type StoreConfig, type StoreConfigResult } from "./storeConfig.js";
export { openStore } from "./openStore.js";
export { createMemoryStore } from "./memory/memoryStore.js";
export { openSqliteStore, type SqliteStore } from "./sqlite/sqliteStore.js";
export { openRedisStore } from "./redis/redisStore.js";
export { startReminderRunner, reminderText, LATE_NOTE, REMINDER_DEFAULTS, type DueReminder, type ReminderRunner, type ReminderRunnerOptions } from "./reminderRunner.js";
export type * from "./usageRecords.js";
export { startRetentionCleanup, readRetentionDays, DEFAULT_RETENTION_DAYS, type RetentionCleanup, type RetentionOptions } from "./retention.js";
