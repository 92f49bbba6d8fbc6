import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; clientAddress: string };

/**
 * The request being served, for code that logs (the logger adds the request id to every line). One
 * store per process on globalThis: the server entry and the code Next.js bundled are separate module
 * instances in the same process, and both must see the same store.
 */
const storageKey = Symbol.for("granskad.requestContext");

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as { [storageKey]?: AsyncLocalStorage<RequestContext> };
  return (holder[storageKey] ??= new AsyncLocalStorage<RequestContext>());
}

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage().run(context, work);
}

/** The id of the request this code runs for, or undefined outside one (background jobs, CLI). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
