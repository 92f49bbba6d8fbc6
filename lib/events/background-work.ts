import { AsyncLocalStorage } from "node:async_hooks";

const backgroundWork = new AsyncLocalStorage<true>();

/**
 * Marks work that runs outside any request (a job worker), so that after-commit subscribers use the
 * means that work there (Next.js's request-bound `revalidateTag` does not). The default is request.
 */
export function inBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, work);
}

export function isBackgroundWork(): boolean {
  return backgroundWork.getStore() === true;
}
