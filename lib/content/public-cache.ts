import { LRUCache } from "lru-cache";
import { getDb, type DbTx } from "@/lib/db/client";
import { msUntilNextUtcDay, onPublicGenerationAdvanced, publicCachesTrusted, publicGeneration } from "./public-generation";

/**
 * The in-process memo of published-content reads, shared by the public pages, the feed and the API (all
 * of which read through lib/content/public-content.ts), one generation at a time
 * (./public-generation.ts): a read is done once per generation and arguments, whichever page, feed or
 * API response needs it, and the whole memo is dropped when a change commits on any instance. The
 * finished responses in front of it (lib/server/page-cache.ts) mean it is consulted only when a
 * response is built, after a publish.
 *
 * Bounded: at most `memoEntries` results and `memoBytes` (least recently used go first), a result that says "nothing
 * published here" (null, undefined, false, an empty list or a failure) is never kept, so unknown slugs
 * and parameters cannot fill it, and every entry expires at the next UTC midnight (reads whose answer
 * moves by day, the overdue flags, are keyed by day anyway). It lives in memory only: nothing is written
 * to disk, so a restart starts empty. It replaces Next.js's `unstable_cache`, which kept entries per
 * process on disk without bound and whose tag invalidation reached only its own process.
 */
const memoEntries = 2000;
/** And at most this many bytes (measured as JSON), so large finished bodies (the feed) cannot pile up. */
const memoBytes = 32 * 2 ** 20;

type Memo = { generation: number; entries: LRUCache<string, { value: unknown }> };

const holder = globalThis as unknown as { granskadPublicReadMemo?: Memo };
const memo = (holder.granskadPublicReadMemo ??= (() => {
  const created: Memo = { generation: publicGeneration(), entries: new LRUCache({ max: memoEntries, maxSize: memoBytes, maxEntrySize: memoBytes / 8 }) };
  onPublicGenerationAdvanced((generation) => {
    created.generation = generation;
    created.entries.clear();
  });
  return created;
})());

/** Whether a read's result says that something is published (and so may be kept). */
function worthKeeping(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object" && (value as { ok?: unknown }).ok === false) return false;
  return true;
}

/** How many reads are memoised now (tests, the benchmark's sanity checks). */
export function publicReadMemoSize(): number {
  return memo.entries.size;
}

/**
 * Wraps a published-content read in the per-generation memo, keyed by `name` and the read's arguments
 * (JSON values). Only reads through the app's own client are memoised: a read inside a transaction may
 * see uncommitted rows and must never be kept for other requests. A result is kept only if no commit
 * advanced the generation while it was read, so a value read before a publish never outlives it.
 * Callers must treat results as read-only: the same object is handed to every request of a generation.
 */
export function cachedPublicRead<Args extends (string | number | boolean | undefined)[], Result>(
  name: string,
  read: (db: DbTx, ...args: Args) => Promise<Result>,
): (db: DbTx, ...args: Args) => Promise<Result> {
  return async (db, ...args) => {
    if (db !== getDb() || !publicCachesTrusted()) return read(db, ...args);
    const key = `${name}\u0000${JSON.stringify(args)}`;
    const kept = memo.entries.get(key);
    if (kept) return kept.value as Result;
    const generation = publicGeneration();
    const value = await read(db, ...args);
    const size = generation === publicGeneration() && publicCachesTrusted() && worthKeeping(value) ? sizeOf(key, value) : undefined;
    if (size !== undefined && size <= memoBytes / 8) memo.entries.set(key, { value }, { ttl: msUntilNextUtcDay(), size });
    return value;
  };
}

/** A value's size as its JSON, or undefined when it has none (it is then not kept). */
function sizeOf(key: string, value: unknown): number | undefined {
  try {
    return key.length + (JSON.stringify(value)?.length ?? 0) + 64;
  } catch {
    return undefined;
  }
}
