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
  return (request, response) => {
    const pin = openPublicReadPin();
    response.once("close", pin.release);
    return runWithPublicReadPin(pin, () => next(request, response));
  };
}
