import { statSync, watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import {
  KnowledgeBase,
  isDocumentFile,
  type KnowledgeDocument,
  type KnowledgeError,
} from "../knowledge/index.js";
import { loadKnowledgeFiles, parseFileHere, type ParsedDocumentCache } from "../knowledge/loadKnowledge.js";
import { WorkerParser } from "../knowledge/parseInWorker.js";
import { TOPIC_FILE_SUFFIX } from "../knowledge/parseTopicFile.js";
import { silentLogger, type Logger } from "../logger.js";

export interface KnowledgeStoreOptions {
  logger?: Logger;
  /** Watch the folder and re-index on change (default true). */
  watch?: boolean;
  /**
   * Editors save in bursts (temp file, rename, chmod); one reload per burst. The folder must also look the same
   * (every file's size and modification time) at both ends of one more such wait, so a file still being
   * written is not loaded half-way.
   */
  debounceMs?: number;
  /** How often to check that the folder at the path is still the one watched (a deploy may swap it). */
  folderCheckMs?: number;
  /** A reload that took T waits at least this many times T before the next (default 4: at most a fifth of the time). */
  reloadSpacing?: number;
  /**
   * Parse files in a worker thread (default true), so reading a large PDF or a folder of a thousand files never
   * holds answers up; false parses in this thread (a script, a test that wants no thread).
   */
  parseInWorker?: boolean;
  /** Called after every reload with the new knowledge. */
  onReload?: (knowledge: KnowledgeBase) => void;
}

/** A reload that took T waits at least this many times T before the next: reloading takes at most a fifth of the time. */
const RELOAD_SPACING = 4;

/**
 * The knowledge the bot answers from, kept current with its folder. Each reload re-reads the folder, parsing
 * only files whose bytes changed, in a worker thread, and builds the new index in slices between answers, so a
 * reload never stalls the bot: the old knowledge answers until the new one is swapped in whole; a document that fails where an earlier version loaded keeps that earlier version
 * (and the failure is reported), so a half-saved or broken edit never takes a document away from users. A
 * folder that cannot be read, or that has no loadable document left, is a failed load: what was loaded is
 * kept. Reloads wait until the folder is stable, are spaced by what the last one cost, so saving in a loop
 * cannot freeze the bot, and a folder replaced under its path (`mv`, a deploy) is watched again.
 */
export class KnowledgeStore {
  private current: KnowledgeBase = new KnowledgeBase([], []);
  private readonly lastGood = new Map<string, KnowledgeDocument>();
  private readonly logger: Logger;
  private watcher: FSWatcher | null = null;
  /** The folder's inode when the watcher was made; a different one at the path means it was replaced. */
  private watchedInode: number | null = null;
  private folderCheck: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private readonly parsed: ParsedDocumentCache = new Map();
  private readonly parser: WorkerParser | null;
  /** No reload starts before this (ms since the epoch), set from what the last one cost. */
  private nextReloadAt = 0;
  private reloading: Promise<KnowledgeBase> | null = null;
  private reloadAgain = false;
  private loaded = false;
  private closed = false;

  private constructor(
    readonly directory: string,
    private readonly options: KnowledgeStoreOptions,
  ) {
    this.logger = options.logger ?? silentLogger;
    this.parser = (options.parseInWorker ?? true) ? new WorkerParser() : null;
  }

  /** Loads the folder and, unless told not to, starts watching it. */
  static async open(directory: string, options: KnowledgeStoreOptions = {}): Promise<KnowledgeStore> {
    const store = new KnowledgeStore(directory, options);
    await store.reload();
    // The parser's thread starts with the first reload, not here: starting it beside the bot's own start-up slowed both.
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
          const started = Date.now();
          this.current = await this.loadFolder();
          // The first load (start-up, and starting the parser's thread) says nothing about what a reload costs.
          if (this.loaded) this.nextReloadAt = Date.now() + (this.options.reloadSpacing ?? RELOAD_SPACING) * (Date.now() - started);
          this.loaded = true;
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
    if (this.folderCheck) clearInterval(this.folderCheck);
    this.watcher?.close();
    this.watcher = null;
    await this.reloading;
    await this.parser?.close();
  }

  private get debounceMs(): number {
    return this.options.debounceMs ?? 200;
  }

  private startWatching(): void {
    this.watchFolder();
    this.folderCheck = setInterval(() => void this.checkFolderIdentity(), this.options.folderCheckMs ?? 2_000);
    this.folderCheck.unref();
  }

  private watchFolder(): void {
    try {
      this.watchedInode = statSync(this.directory).ino;
      this.watcher = watch(this.directory, { persistent: false }, () => this.scheduleReload());
      this.watcher.on("error", (error) => {
        this.logger.warn({ err: error, directory: this.directory }, "stopped watching the knowledge folder; watching again once it is back");
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (error) {
      this.watcher = null;
      this.logger.warn({ err: error, directory: this.directory }, "cannot watch the knowledge folder; watching again once it is back");
    }
  }

  /** Watches the folder anew when the one at the path is not the one watched (replaced, or back after an error). */
  private async checkFolderIdentity(): Promise<void> {
    let inode: number;
    try {
      inode = (await stat(this.directory)).ino;
    } catch {
      return; // gone for now: keep answering from what was loaded, and look again later
    }
    if (this.closed || (this.watcher && inode === this.watchedInode)) return;
    this.logger.info({ directory: this.directory }, "the knowledge folder was replaced; watching the new one");
    this.watcher?.close();
    this.watchFolder();
    this.scheduleReload();
  }

  private scheduleReload(): void {
    if (this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.reloadWhenStable();
    }, Math.max(this.debounceMs, this.nextReloadAt - Date.now()));
    this.debounce.unref();
  }

  /** Reloads once every file has kept its size and modification time across one more debounce. */
  private async reloadWhenStable(): Promise<void> {
    const before = await this.fingerprint();
    await delay(this.debounceMs, undefined, { ref: false });
    // A newer change already rescheduled; that one reloads.
    if (this.closed || this.debounce) return;
    if ((await this.fingerprint()) !== before) {
      this.scheduleReload();
      return;
    }
    await this.reload().then(
      (knowledge) => this.logger.info(summarize(knowledge), "knowledge re-indexed"),
      (error: unknown) => this.logger.error({ err: error }, "knowledge reload failed; keeping the previous index"),
    );
  }

  /** Every file's name, size and modification time, in one string. */
  private async fingerprint(): Promise<string> {
    try {
      const files = (await readdir(this.directory)).sort();
      const parts = await Promise.all(
        files.map(async (file) => {
          try {
            const info = await stat(path.join(this.directory, file));
            return `${file}:${info.size}:${info.mtimeMs}`;
          } catch {
            return `${file}:gone`;
          }
        }),
      );
      return parts.join("|");
    } catch (error) {
      return `unreadable:${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
  }

  /**
   * Loads the folder as `loadKnowledge` does (documents, topic files, errors), then puts back the last good
   * version of each document that failed this time.
   */
  private async loadFolder(): Promise<KnowledgeBase> {
    // Files are read, hashed and parsed in the worker; only files whose bytes changed are parsed again.
    // At start-up nothing is being answered yet, so the first load parses here and the thread starts with the
    // first reload.
    const parse = this.loaded && this.parser ? this.parser.parse : parseFileHere;
    const loaded = await loadKnowledgeFiles(this.directory, { cache: this.parsed, parse });

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
    // A folder gone, unreadable (chmod 000, a volume remounting) or emptied is a failed load, not an empty bot.
    if (loaded.documents.length === 0 && kept.length === 0 && this.current.documents.length > 0) {
      const reason = loaded.errors.find((error) => error.file === this.directory)?.message ?? "no document in it loads";
      this.logger.error({ file: this.directory, reason }, "the knowledge folder has no loadable document now; still answering from the documents already loaded");
      return this.current;
    }
    for (const error of errors) this.logger.error({ file: error.file, reason: error.message }, "a knowledge file failed to load");

    // Forget documents whose files are gone or now fail with nothing to fall back on; remember this load's successes.
    const present = new Set([...loaded.documents.map((document) => document.file), ...keptFiles]);
    for (const file of [...this.lastGood.keys()]) if (!present.has(file)) this.lastGood.delete(file);
    for (const document of loaded.documents) this.lastGood.set(document.file, document);

    // Same order as a clean load, so "the first document" does not change because another one broke.
    const documents = [...loaded.documents, ...kept].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // Indexed in slices between answers; the knowledge loaded before keeps answering until this one is swapped in.
    return KnowledgeBase.build(documents, errors);
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
