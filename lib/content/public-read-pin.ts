import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One request's reads of published content, pinned to one generation (./public-generation.ts): every
 * `cachedPublicRead` (./public-cache.ts) made while a request is served runs inside its pin, which
 * - does each read (name and arguments) at most once per request, so a page's metadata (`<title>`) and
 *   its body (`<h1>`), or the API's title and version number, are always the same read;
 * - reads from the memo of the generation the request started in, which is kept (./public-cache.ts)
 *   until every request pinned to it has finished, even after a commit advanced the generation;
 * - notes when a read had to go to the database after the generation moved past the pin
 *   (`straddled`): such a response is never stored anywhere (the page cache compares generations too).
 *
 * The server entry opens a pin around Next.js's handler for each request (lib/server/public-read-pin.ts)
 * and releases it when the response is done. Outside a request (jobs, CLI, tests) there is no pin and
 * reads use the current generation's memo.
 *
 * The store is on globalThis: the server entry and the code Next.js bundled are separate module
 * instances in one process, and both must see the same pin.
 */
export type PublicReadPin = {
  readonly generation: number;
  /** The request's own reads, by memo key: each done once per request. */
  readonly reads: Map<string, Promise<unknown>>;
  /** A read went to the database after the generation had moved past `generation`. */
  straddled: boolean;
  /** Called once, when the request is done (releases the pinned generation's memo). */
  release: () => void;
};

const storageKey = Symbol.for("granskad.publicReadPin");

function storage(): AsyncLocalStorage<PublicReadPin> {
  const holder = globalThis as { [storageKey]?: AsyncLocalStorage<PublicReadPin> };
  return (holder[storageKey] ??= new AsyncLocalStorage<PublicReadPin>());
}

/** Runs `work` (and everything it starts) with its public reads pinned to `pin`. */
export function runWithPublicReadPin<T>(pin: PublicReadPin, work: () => T): T {
  return storage().run(pin, work);
}

/** The pin of the request this code runs for, if any. */
export function currentPublicReadPin(): PublicReadPin | undefined {
  return storage().getStore();
}
