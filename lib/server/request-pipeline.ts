import type { IncomingMessage, ServerResponse } from "node:http";
import { logger, writeRequestLine } from "./logger";
import type { ProxyTrust } from "./proxy-trust";
import { runInRequestContext } from "./request-context";
import { identifyRequest, rewriteRequestHeaders, type RequestIdentity } from "./request-identity";
import { redactExternalReviewPath } from "@/lib/http/external-review-path";

export type EdgeExchange = { request: IncomingMessage; response: ServerResponse; identity: RequestIdentity };

/**
 * A step that may answer a request before Next.js routes it. `handle` returns true when it has answered
 * (the pipeline stops there) and false to pass the request on. Handlers run in the order listed, after
 * the request's identity is settled, inside its log context; they read who is asking from `identity`
 * (the request's headers are rewritten to say the same only when it goes on to Next.js).
 */
export type EarlyHandler = { name: string; handle: (exchange: EdgeExchange) => boolean | Promise<boolean> };

export type RequestPipelineOptions = {
  trust: ProxyTrust;
  earlyHandlers: readonly EarlyHandler[];
  /** Next.js's request handler: whatever no early handler answered. */
  next: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** While true, responses ask the client to close the connection (the server is draining). */
  closingConnections?: () => boolean;
  /** Runs once each response is done (sent or aborted). */
  afterResponse?: () => void;
};

/** "close" listeners on a response: Next.js's own, and the most the edge adds (see below). */
const nextCloseListeners = 10;
const edgeCloseListeners = 3;

/** At most this much of a path goes into a log line. */
const loggedPathLength = 300;

function logRequest(exchange: EdgeExchange, startedAt: bigint, finished: boolean): void {
  const { request, response, identity } = exchange;
  // An expert's link is a credential: its token never reaches a log line.
  const path = redactExternalReviewPath((request.url ?? "").split("?")[0]!).slice(0, loggedPathLength);
  writeRequestLine({
    requestId: identity.requestId,
    method: request.method ?? "",
    path,
    status: response.statusCode,
    durationMs: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e5) / 10,
    clientAddress: identity.clientAddress,
    aborted: !finished,
  });
}

/** The answer when something below threw before answering: a reference, never the error itself. */
function answerUnexpected(exchange: EdgeExchange, error: unknown): void {
  const { response, identity } = exchange;
  logger.error({ err: error, requestId: identity.requestId }, "unexpected error while serving a request");
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" });
  response.end(`Något gick fel hos oss (felkod ${identity.requestId}).\n`);
}

/**
 * The request pipeline in front of Next.js: settles who is asking (lib/server/request-identity.ts:
 * client address, protocol, host, request id, with forwarded headers believed only from trusted
 * proxies), rewrites the request's headers to say exactly that, logs one line when the response is done,
 * then runs the early handlers in order and hands whatever they leave to Next.js.
 */
export function createRequestPipeline(options: RequestPipelineOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const handlers = options.earlyHandlers;
  /**
   * Runs the handlers from `from` on, then Next.js. Synchronous for as long as the handlers are (a cache
   * hit is answered without a promise, an async function or a turn of the microtask queue: under the
   * benchmark's 304 load each of those was a measurable share of the answer); a handler's promise
   * continues the walk when it settles. Returns a promise only when some step is asynchronous.
   */
  const serve = (exchange: EdgeExchange, from: number): Promise<void> | undefined => {
    for (let index = from; index < handlers.length; index += 1) {
      const answered = handlers[index]!.handle(exchange);
      if (answered === true) return undefined;
      if (answered !== false) return answered.then((done) => (done ? undefined : serve(exchange, index + 1)));
    }
    // Only what goes on to Next.js needs its headers rewritten; early handlers read `identity`.
    rewriteRequestHeaders(exchange.request, exchange.identity);
    return options.next(exchange.request, exchange.response);
  };

  return (request, response) => {
    const startedAt = process.hrtime.bigint();
    const identity = identifyRequest(request, options.trust);
    const exchange: EdgeExchange = { request, response, identity };
    response.setHeader("X-Request-Id", identity.requestId);
    if (options.closingConnections?.()) response.setHeader("Connection", "close");
    // Next.js puts ten "close" listeners on a response, Node's limit before it warns of a leak; the edge
    // adds at most three (this request line, the page cache's watch, the read pin), by design, so the
    // limit is theirs plus ours: otherwise the warning reads as an error in the log on ordinary pages.
    response.setMaxListeners(edgeCloseListeners + nextCloseListeners);
    // One listener: "close" follows "finish" on every response.
    response.once("close", () => {
      logRequest(exchange, startedAt, response.writableFinished);
      options.afterResponse?.();
    });

    runInRequestContext({ requestId: identity.requestId, clientAddress: identity.clientAddress }, () => {
      try {
        serve(exchange, 0)?.catch((error: unknown) => answerUnexpected(exchange, error));
      } catch (error) {
        answerUnexpected(exchange, error);
      }
    });
  };
}
