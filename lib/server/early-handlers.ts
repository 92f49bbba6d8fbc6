import type { ServerResponse } from "node:http";
import type { EarlyHandler } from "./request-pipeline";
import { checkReadiness, type ReadinessSources } from "./readiness";

function answerJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    // Probes must see this instance's state now, never a copy a proxy or CDN kept.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...extraHeaders,
  });
  response.end(JSON.stringify(body));
}

/**
 * /healthz: the process is alive and serving (200 even while it drains, so an orchestrator does not kill
 * it mid-drain). /readyz: it should get traffic (lib/server/readiness.ts), 200 or 503 with the checks.
 * Answered here, before Next.js, so a probe costs no rendering and no proxy.ts.
 */
export function healthEndpoints(sources: ReadinessSources): EarlyHandler {
  return {
    name: "health endpoints",
    // Synchronous except for the readiness check itself: every request passes this handler first.
    handle: ({ request, response }) => {
      const path = (request.url ?? "").split("?")[0];
      if (path !== "/healthz" && path !== "/readyz") return false;
      if (request.method !== "GET" && request.method !== "HEAD") {
        answerJson(response, 405, { error: "method not allowed" }, { Allow: "GET, HEAD" });
        return true;
      }
      if (path === "/healthz") {
        answerJson(response, 200, { status: "ok" });
        return true;
      }
      return checkReadiness(sources).then((readiness) => {
        answerJson(response, readiness.ready ? 200 : 503, { status: readiness.ready ? "ready" : "not ready", ...readiness.checks });
        return true;
      });
    },
  };
}

/** The methods some route of ours answers; Next.js would turn others (TRACE, PROPFIND, …) into a 500. */
export const servedMethods = ["GET", "HEAD", "POST", "OPTIONS"] as const;

/** Any other method gets 501 Not Implemented (RFC 9110 §15.6.2) before it reaches Next.js. */
export const unservedMethods: EarlyHandler = {
  name: "unserved methods",
  handle: ({ request, response }) => {
    if ((servedMethods as readonly string[]).includes(request.method ?? "")) return false;
    response.writeHead(501, { "Content-Type": "text/plain; charset=utf-8", Allow: servedMethods.join(", "), "Cache-Control": "no-store" });
    response.end("Metoden stöds inte.\n");
    return true;
  },
};

/**
 * A server-action POST (Next-Action header) whose Origin is another site, or not a URL at all, is
 * refused with 403 here. Next.js refuses it too, but by throwing, which makes a 500; an action never
 * runs either way. A POST without Origin is left to Next.js (no browser sends one cross-site).
 */
export const crossSiteServerActions: EarlyHandler = {
  name: "cross-site server actions",
  handle: ({ request, response, identity }) => {
    if (request.method !== "POST" || request.headers["next-action"] === undefined) return false;
    const origin = request.headers.origin;
    if (origin === undefined) return false;
    const originHost = URL.canParse(origin) ? new URL(origin).host : undefined;
    if (originHost !== undefined && originHost === identity.host) return false;
    response.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    response.end("Förfrågan kom från en annan webbplats och avvisades.\n");
    return true;
  },
};
