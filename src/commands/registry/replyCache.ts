import { LRUCache } from "lru-cache";
import type { KnowledgeBase } from "../../knowledge/index.js";
import { deepFreeze } from "../../reply/freeze.js";
import type { Reply } from "../../reply/types.js";

/** Enough for every command a busy community repeats (the thesis, a topic, a popular source); a few MB. */
export const DEFAULT_REPLY_CACHE_SIZE = 1000;

/** A command as typed: the same key always gets the same answer. */
export interface ReplyCacheKey {
  command: string;
  /** The typed text, cleaned but not yet parsed into options. */
  text: string;
  /** Options the platform already separated (Discord). */
  args: Readonly<Record<string, string | undefined>>;
  page: number;
  /** The platform's name. */
  platform: string;
}

/**
 * Replies of cacheable commands (`CommandDefinition.cacheable`: the reply depends on nothing but the
 * arguments, the page, the platform and the knowledge), least recently used out first. The same question
 * asked again is answered by the same frozen reply, whose renderings are kept beside it
 * (`memoizeForFrozen`), so a repeated command costs a lookup. Tied to one knowledge base: a reload empties it.
 */
export class ReplyCache {
  private readonly replies: LRUCache<string, Reply>;
  private knowledge: KnowledgeBase | undefined;

  constructor(maxEntries: number) {
    this.replies = new LRUCache({ max: maxEntries });
  }

  get(knowledge: KnowledgeBase, key: ReplyCacheKey): Reply | undefined {
    if (knowledge !== this.knowledge) {
      this.replies.clear();
      this.knowledge = knowledge;
    }
    return this.replies.get(keyText(key));
  }

  /** Keeps `reply` (frozen from now on) and returns it. */
  set(knowledge: KnowledgeBase, key: ReplyCacheKey, reply: Reply): Reply {
    if (knowledge === this.knowledge) this.replies.set(keyText(key), deepFreeze(reply));
    return reply;
  }

  get size(): number {
    return this.replies.size;
  }
}

/**
 * Argument order and empty arguments do not change the answer, so they do not change the key. Names are
 * option names and the registry strips control characters from every value, so NUL and SOH cannot occur
 * inside a part and can separate them.
 */
function keyText({ command, text, args, page, platform }: ReplyCacheKey): string {
  let key = `${command}\u0000${platform}\u0000${page}\u0000${text}`;
  for (const name of Object.keys(args).sort()) {
    const value = args[name];
    if (value) key += `\u0000${name}\u0001${value}`;
  }
  return key;
}
