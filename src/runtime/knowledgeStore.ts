import { watch, type FSWatcher } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import {
  KnowledgeBase,
  isDocumentFile,
  loadKnowledge,
  type KnowledgeDocument,
  type KnowledgeError,
} from "../knowledge/index.js";
import { TOPIC_FILE_SUFFIX } from "../knowledge/parseTopicFile.js";
import { silentLogger, type Logger } from "../logger.js";

export interface KnowledgeStoreOptions {
  logger?: Logger;
  /** Watch the folder and re-index on change (default true). */
  watch?: boolean;
  /** Editors save in bursts (temp file, rename, chmod); one reload per burst. */
  debounceMs?: number;
  /** Called after every reload with the new knowledge. */
  onReload?: (knowledge: KnowledgeBase) => void;
}

/**
 * The knowledge the bot answers from, kept current with its folder. Each reload re-reads every document; a
 * document that fails where an earlier version loaded keeps that earlier version (and the failure is
 * reported), so a half-saved or broken edit never takes a document away from users.
 */
export class KnowledgeStore {
  private current: KnowledgeBase = new KnowledgeBase([], []);
  private readonly lastGood = new Map<string, KnowledgeDocument>();
  private readonly logger: Logger;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private reloading: Promise<KnowledgeBase> | null = null;
  private reloadAgain = false;
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly options: KnowledgeStoreOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Loads the folder and, unless told not to, starts watching it. */
  static async open(directory: string, options: KnowledgeStoreOptions = {}): Promise<KnowledgeStore> {
    const store = new KnowledgeStore(directory, options);
    await store.reload();
    if (options.watch ?? true) store.startWatching();
    return store;
  }

  get(): KnowledgeBase {
    return this.current;
  }

  /** Re-reads the folder now. Concurrent calls share one reload, and a change during it triggers another. */
  reload(): Promise<KnowledgeBase> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      try {
        do {
          this.reloadAgain = false;
          this.current = await this.loadFolder();
          this.options.onReload?.(this.current);
        } while (this.reloadAgain && !this.closed);
        return this.current;
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** Stops watching; waits for a reload in progress so nothing runs after close. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = null;
    await this.reloading;
  }

  private startWatching(): void {
    try {
      this.watcher = watch(this.directory, { persistent: false }, () => this.scheduleReload());
      this.watcher.on("error", (error) => {
        this.logger.warn({ err: error, directory: this.directory }, "stopped watching the knowledge folder; restart to pick up changes");
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.logger.warn({ err: error, directory: this.directory }, "cannot watch the knowledge folder; restart to pick up changes");
    }
  }

  private scheduleReload(): void {
    if (this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.reload().then(
        (knowledge) => this.logger.info(summarize(knowledge), "knowledge re-indexed"),
        (error: unknown) => this.logger.error({ err: error }, "knowledge reload failed; keeping the previous index"),
      );
    }, this.options.debounceMs ?? 200);
    this.debounce.unref();
  }

  /**
   * Loads the folder as `loadKnowledge` does (documents, topic files, errors), then puts back the last good
   * version of each document that failed this time.
   */
  private async loadFolder(): Promise<KnowledgeBase> {
    // A folder briefly gone (a volume remounting, a directory swapped by a deploy) keeps what was loaded.
    if (this.current.documents.length > 0) {
      try {
        await access(this.directory);
      } catch (error) {
        this.logger.error({ err: error, file: this.directory }, "cannot read the knowledge folder; keeping the documents already loaded");
        return this.current;
      }
    }
    const loaded = await loadKnowledge(this.directory);

    // A document that failed this time but loaded before is put back as it was, topics and all.
    const ids = new Set(loaded.documents.map((document) => document.id));
    const kept: KnowledgeDocument[] = [];
    for (const error of loaded.errors) {
      const previous = isDocumentFile(error.file) ? this.lastGood.get(error.file) : undefined;
      if (previous && !ids.has(previous.id)) {
        kept.push(previous);
        ids.add(previous.id);
      }
    }
    const keptFiles = new Set(kept.map((document) => document.file));
    // Its topic file is reported as orphaned only because the new version failed; the kept one has its topics.
    const keptTopicFiles = new Set(kept.map((document) => topicFileOf(document.file)));
    const errors = loaded.errors
      .filter((error) => !keptTopicFiles.has(error.file))
      .map((error) =>
        keptFiles.has(error.file) ? { file: error.file, message: `${error.message}; still answering from the last version that loaded` } : error,
      );
    for (const error of errors) this.logger.error({ file: error.file, reason: error.message }, "a knowledge file failed to load");

    // Forget documents whose files are gone or now fail with nothing to fall back on; remember this load's successes.
    const present = new Set([...loaded.documents.map((document) => document.file), ...keptFiles]);
    for (const file of [...this.lastGood.keys()]) if (!present.has(file)) this.lastGood.delete(file);
    for (const document of loaded.documents) this.lastGood.set(document.file, document);

    if (kept.length === 0) return loaded;
    // Same order as a clean load, so "the first document" does not change because another one broke.
    const documents = [...loaded.documents, ...kept].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return new KnowledgeBase(documents, errors);
  }
}

/** `essay.v2.txt` → `essay.v2.topics.json`, the topic file that belongs beside it. */
function topicFileOf(documentFile: string): string {
  return documentFile.slice(0, documentFile.length - path.extname(documentFile).length) + TOPIC_FILE_SUFFIX;
}

/** Counts for logs and the health check. */
export function summarize(knowledge: KnowledgeBase): { documents: number; passages: number; errors: number } {
  return { documents: knowledge.documents.length, passages: knowledge.passageCount, errors: knowledge.errors.length };
}
