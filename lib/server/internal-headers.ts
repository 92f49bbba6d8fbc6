/**
 * Request headers that the edge pipeline (lib/server/request-pipeline.ts) sets for Next.js after removing
 * any value a client sent under the same name. Code behind Next.js reads them through
 * lib/auth/client-address.ts (the client address) and lib/server/request-context.ts (the request id);
 * nothing reads X-Forwarded-For, X-Real-IP or Forwarded itself.
 */
export const internalHeaders = {
  /** The client's address: the socket peer, or the address a trusted proxy reported (lib/server/request-identity.ts). */
  clientAddress: "x-granskad-client-address",
  /** This request's id, also in the response's X-Request-Id and in every log line of the request. */
  requestId: "x-granskad-request-id",
} as const;

/** Every header name the pipeline reserves; a client's copy of any of them is dropped. */
export const internalHeaderPrefix = "x-granskad-";
