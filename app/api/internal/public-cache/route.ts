import { invalidatePublicContent } from "@/lib/content/public-cache";
import { isOwnWorkerRequest } from "@/lib/jobs/public-cache-request";

export const dynamic = "force-dynamic";

/** The job worker's way into a request context, to invalidate the cache after a scheduled publish. */
export async function POST(request: Request): Promise<Response> {
  if (!isOwnWorkerRequest(request)) return new Response(null, { status: 404 });
  invalidatePublicContent();
  return new Response(null, { status: 204 });
}
