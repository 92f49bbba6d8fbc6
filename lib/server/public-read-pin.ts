import type { IncomingMessage, ServerResponse } from "node:http";
import { openPublicReadPin } from "@/lib/content/public-cache";
import { runWithPublicReadPin } from "@/lib/content/public-read-pin";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * Wraps Next.js's request handler so that each request's public reads are pinned to the generation it
 * started in (lib/content/public-read-pin.ts): the proxy, `generateMetadata`, the page, the route
 * handlers and everything they stream read one generation, and each read once. The pin is released
 * when the response is done (sent or aborted), which lets that generation's memo go.
 */
export function pinPublicReads(next: Handler): Handler {
  return async (request, response) => {
    const pin = openPublicReadPin();
    try {
      await runWithPublicReadPin(pin, () => next(request, response));
    } finally {
      // Next.js's handler settles once the response is written; a response still streaming (or a
      // handler that failed before answering) lets the pin go when it closes. Next.js already puts ten
      // "close" listeners on a response, so one is added only when needed (the request pipeline allows
      // for it: lib/server/request-pipeline.ts).
      if (response.writableFinished || response.destroyed) pin.release();
      else response.once("close", pin.release);
    }
  };
}
