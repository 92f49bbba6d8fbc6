import crypto from "node:crypto";

/**
 * Next.js invalidates its cache only inside a request (`revalidateTag` needs the request's work store),
 * but a scheduled publish happens in the job worker, outside any request. So the worker asks its own
 * server, over loopback, to run the invalidation in a request of its own. The token is made per process
 * and never leaves it: only this process's worker can make that request.
 */
const tokenHeader = "x-granskad-worker-token";
export const publicCacheInvalidationPath = "/api/internal/public-cache";

const globalForToken = globalThis as unknown as { granskadWorkerToken?: string };

function workerToken(): string {
  globalForToken.granskadWorkerToken ??= crypto.randomBytes(32).toString("hex");
  return globalForToken.granskadWorkerToken;
}

/** True only for a request made by `requestPublicCacheInvalidation` in this same process. */
export function isOwnWorkerRequest(request: Request): boolean {
  const expected = globalForToken.granskadWorkerToken;
  const given = request.headers.get(tokenHeader);
  if (!expected || !given || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** This server's own address: GRANSKAD_INTERNAL_ORIGIN, else loopback on PORT (as `npm start` runs it). */
function ownOrigin(): string {
  return process.env.GRANSKAD_INTERNAL_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}

/** Asks this process's Next.js server to invalidate the published-content cache; throws if it could not. */
export async function requestPublicCacheInvalidation(): Promise<void> {
  const response = await fetch(new URL(publicCacheInvalidationPath, ownOrigin()), {
    method: "POST",
    headers: { [tokenHeader]: workerToken() },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`public cache invalidation answered ${response.status}`);
}
