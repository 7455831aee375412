import { watch, type FSWatcher } from "node:fs";
import { readdir } from "node:fs/promises";
import {
  KnowledgeBase,
  isDocumentFile,
  loadDocumentFile,
  type KnowledgeDocument,
  type KnowledgeError,
} from "../knowledge/index.js";
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

  private async loadFolder(): Promise<KnowledgeBase> {
    let files: string[];
    try {
      files = (await readdir(this.directory)).filter(isDocumentFile).sort();
    } catch (error) {
      const message = `cannot read the knowledge folder: ${error instanceof Error ? error.message : String(error)}`;
      if (this.current.documents.length > 0) {
        this.logger.error({ file: this.directory, reason: message }, "keeping the documents already loaded");
        return this.current;
      }
      return new KnowledgeBase([], [{ file: this.directory, message }]);
    }

    const documents: KnowledgeDocument[] = [];
    const errors: KnowledgeError[] = [];
    const seenIds = new Set<string>();
    for (const file of files) {
      let document: KnowledgeDocument;
      try {
        document = await loadDocumentFile(this.directory, file);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const previous = this.lastGood.get(file);
        if (previous) {
          errors.push({ file, message: `${reason}; still answering from the last version that loaded` });
          this.logger.error({ file, reason }, "a document failed to load; keeping its last good version");
          document = previous;
        } else {
          errors.push({ file, message: reason });
          this.logger.error({ file, reason }, "a document failed to load");
          continue;
        }
      }
      if (seenIds.has(document.id)) {
        errors.push({ file, message: `another file already has the document id "${document.id}"` });
        continue;
      }
      seenIds.add(document.id);
      this.lastGood.set(file, document);
      documents.push(document);
    }
    for (const file of [...this.lastGood.keys()]) if (!files.includes(file)) this.lastGood.delete(file);
    if (files.length === 0) errors.push({ file: this.directory, message: "no .txt or .md documents in the knowledge folder" });
    return new KnowledgeBase(documents, errors);
  }
}

/** Counts for logs and the health check. */
export function summarize(knowledge: KnowledgeBase): { documents: number; passages: number; errors: number } {
  return { documents: knowledge.documents.length, passages: knowledge.passageCount, errors: knowledge.errors.length };
}
