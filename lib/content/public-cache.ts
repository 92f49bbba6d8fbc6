import { LRUCache } from "lru-cache";
import { getDb, type DbTx } from "@/lib/db/client";
import { msUntilNextUtcDay, onPublicGenerationAdvanced, publicCachesTrusted, publicGeneration } from "./public-generation";
import { currentPublicReadPin, type PublicReadPin } from "./public-read-pin";

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

/** One generation's memo, and how many requests are pinned to it (./public-read-pin.ts). */
type GenerationMemo = { generation: number; entries: LRUCache<string, { value: unknown }>; pins: number };

/**
 * The current generation's memo, and earlier ones kept while requests pinned to them are still being
 * served (at most `retainedGenerations`; a pin whose memo went reads from the database and is marked
 * straddled).
 */
type MemoState = { current: GenerationMemo; retained: Map<number, GenerationMemo> };

const retainedGenerations = 3;

function generationMemo(generation: number): GenerationMemo {
  return { generation, entries: new LRUCache({ max: memoEntries, maxSize: memoBytes, maxEntrySize: memoBytes / 8 }), pins: 0 };
}

const holder = globalThis as unknown as { granskadPublicReadMemo?: MemoState };
const memo = (holder.granskadPublicReadMemo ??= (() => {
  const created: MemoState = { current: generationMemo(publicGeneration()), retained: new Map() };
  onPublicGenerationAdvanced((generation) => {
    const previous = created.current;
    created.current = generationMemo(generation);
    if (previous.pins > 0) created.retained.set(previous.generation, previous);
    else previous.entries.clear();
    for (const [kept, old] of created.retained) {
      if (created.retained.size <= retainedGenerations) break;
      created.retained.delete(kept);
      old.entries.clear();
    }
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

/** How many reads are memoised now for the current generation (tests, the benchmark's sanity checks). */
export function publicReadMemoSize(): number {
  return memo.current.entries.size;
}

/** How many earlier generations' memos are kept for requests still pinned to them (tests). */
export function retainedPublicReadMemos(): number {
  return memo.retained.size;
}

/**
 * A pin for one request (./public-read-pin.ts) on the current generation: its memo is kept until the
 * pin is released, however many commits come in between. Release it exactly when the response is done.
 */
export function openPublicReadPin(): PublicReadPin {
  const pinned = memo.current;
  pinned.pins += 1;
  let released = false;
  return {
    generation: pinned.generation,
    reads: new Map(),
    straddled: false,
    release: () => {
      if (released) return;
      released = true;
      pinned.pins -= 1;
      if (pinned.pins === 0 && memo.current !== pinned && memo.retained.get(pinned.generation) === pinned) {
        memo.retained.delete(pinned.generation);
        pinned.entries.clear();
      }
    },
  };
}

/** The memo a pin reads from: its generation's, if still kept. */
function memoOf(pin: PublicReadPin): GenerationMemo | undefined {
  if (memo.current.generation === pin.generation) return memo.current;
  return memo.retained.get(pin.generation);
}

/**
 * Wraps a published-content read in the per-generation memo, keyed by `name` and the read's arguments
 * (JSON values). Only reads through the app's own client are memoised: a read inside a transaction may
 * see uncommitted rows and must never be kept for other requests.
 *
 * Inside a request (a pin, ./public-read-pin.ts) a read is done once per request, from the memo of the
 * generation the request started in, even after a commit; a value the memo lacks is read from the
 * database, and if the generation has moved past the pin by then, the pin is marked straddled and the
 * value kept for this request only. A result is kept in a memo only if no commit advanced the
 * generation while it was read, so a value read before a publish never outlives it.
 * Callers must treat results as read-only: the same object is handed to every request of a generation.
 */
export function cachedPublicRead<Args extends (string | number | boolean | undefined)[], Result>(
  name: string,
  read: (db: DbTx, ...args: Args) => Promise<Result>,
): (db: DbTx, ...args: Args) => Promise<Result> {
  return async (db, ...args) => {
    if (db !== getDb()) return read(db, ...args);
    const key = `${name}\u0000${JSON.stringify(args)}`;
    const pin = currentPublicReadPin();
    if (!pin) return readThroughMemo(memo.current, key, () => read(db, ...args));
    const inRequest = pin.reads.get(key);
    if (inRequest) return inRequest as Promise<Result>;
    const pending = readThroughMemo(memoOf(pin), key, () => read(db, ...args), pin);
    pin.reads.set(key, pending);
    return pending;
  };
}

async function readThroughMemo<Result>(target: GenerationMemo | undefined, key: string, read: () => Promise<Result>, pin?: PublicReadPin): Promise<Result> {
  if (!publicCachesTrusted()) return read();
  const kept = target?.entries.get(key);
  if (kept) return kept.value as Result;
  if (!target || target.generation !== publicGeneration()) {
    // The database has moved past the generation this request is pinned to.
    if (pin) pin.straddled = true;
    return read();
  }
  const value = await read();
  if (target.generation !== publicGeneration()) {
    if (pin) pin.straddled = true;
    return value;
  }
  const size = publicCachesTrusted() && worthKeeping(value) ? sizeOf(key, value) : undefined;
  if (size !== undefined && size <= memoBytes / 8) target.entries.set(key, { value }, { ttl: msUntilNextUtcDay(), size });
  return value;
}

/** A value's size as its JSON, or undefined when it has none (it is then not kept). */
function sizeOf(key: string, value: unknown): number | undefined {
  try {
    return key.length + (JSON.stringify(value)?.length ?? 0) + 64;
  } catch {
    return undefined;
  }
}
