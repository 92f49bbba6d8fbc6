import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import parseForwarded from "forwarded-parse";
import { internalHeaderPrefix, internalHeaders } from "./internal-headers";
import type { ProxyTrust } from "./proxy-trust";

/** What the edge decided about a request before Next.js sees it. */
export type RequestIdentity = {
  requestId: string;
  /** A normalised IP address, or "unknown" when no address can be told. */
  clientAddress: string;
  protocol: "http" | "https";
  /** The host the client asked for (Host, or a trusted proxy's forwarded host), when it is a valid host name. */
  host: string | undefined;
};

/** The longest textual IP address (IPv6 with an embedded IPv4 address); a zone id may not stretch it. */
const longestAddress = 45;

/** An IP address in its normal form (IPv4-mapped IPv6 as IPv4), or undefined for anything else. */
export function normalisedAddress(value: string | undefined): string | undefined {
  const candidate = value?.trim() ?? "";
  if (candidate.length === 0 || candidate.length > longestAddress || !ipaddr.isValid(candidate)) return undefined;
  return ipaddr.process(candidate).toString();
}

/** A Forwarded `for=` node: `192.0.2.1`, `192.0.2.1:8080`, `[2001:db8::1]:443`, `unknown` or `_obfuscated`. */
function forwardedNodeAddress(node: string | undefined): string | undefined {
  if (!node) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(node);
  if (bracketed) return normalisedAddress(bracketed[1]);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(node);
  return normalisedAddress(withPort ? withPort[1] : node);
}

type Hop = { address: string | undefined; host?: string; proto?: string };

/** The hops a header reports, nearest first (the right end of the header is the proxy closest to us). */
function reportedHops(request: IncomingMessage, header: ProxyTrust["header"]): Hop[] {
  const values = (name: string) => {
    const raw = request.headers[name];
    return (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((part) => part.trim()).filter(Boolean);
  };
  if (header === "x-forwarded-for") return values("x-forwarded-for").reverse().map((entry) => ({ address: normalisedAddress(entry) }));
  // Element by element from the right: a malformed element (perhaps the client's own) ends the chain there.
  const hops: Hop[] = [];
  for (const element of values("forwarded").reverse()) {
    try {
      const [parsed] = parseForwarded(element);
      hops.push({ address: forwardedNodeAddress(parsed?.for), host: parsed?.host, proto: parsed?.proto });
    } catch {
      hops.push({ address: undefined });
      break;
    }
  }
  return hops;
}

/**
 * Walks from the socket's peer towards the client, past trusted proxies only: the first address that is
 * not a trusted proxy (or the last one reported) is the client. An address that does not parse stops the
 * walk as "unknown".
 */
function resolveClientAddress(peer: string | undefined, hops: Hop[], trust: ProxyTrust): string {
  const chain = [peer, ...hops.map((hop) => hop.address)];
  for (let distance = 0; distance < chain.length; distance += 1) {
    const address = chain[distance];
    if (address === undefined) return "unknown";
    const isLast = distance === chain.length - 1;
    if (isLast || !trust.trusts(address, distance)) return address;
  }
  return "unknown";
}

/** host or host:port, a DNS name or an IP literal; anything else is not a host we would build a URL from. */
const hostPattern = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function validHost(value: string | undefined): string | undefined {
  const host = value?.trim();
  return host && host.length <= 255 && hostPattern.test(host) ? host.toLowerCase() : undefined;
}

function lastValue(request: IncomingMessage, name: string): string | undefined {
  const raw = request.headers[name];
  const joined = Array.isArray(raw) ? raw.join(",") : raw;
  return joined?.split(",").at(-1)?.trim();
}

/** A request id from a trusted proxy (e.g. nginx's $request_id) is kept when it is short and plain. */
const requestIdPattern = /^[A-Za-z0-9._-]{8,128}$/;

/** Random bytes drawn 4 KiB at a time: one call into the CSPRNG per 512 request ids, not one per request. */
const randomPool = Buffer.alloc(4096);
let randomPoolOffset = randomPool.length;

export function newRequestId(): string {
  if (randomPoolOffset + 8 > randomPool.length) {
    crypto.randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  const id = randomPool.toString("hex", randomPoolOffset, randomPoolOffset + 8);
  randomPoolOffset += 8;
  return id;
}

/**
 * Decides who sent the request. The client address is the socket's peer unless that peer is a trusted
 * proxy; then it is read from the right end of the configured header, skipping only trusted hops.
 * Forwarded host, protocol and request id are believed only from a trusted peer.
 */
/**
 * The normalised address of each connection's peer, worked out once per connection: a kept-alive
 * connection carries many requests, and parsing the same address for each was a visible share of a
 * cached answer. A socket's peer never changes; the entry goes with the socket.
 */
const peerAddresses = new WeakMap<IncomingMessage["socket"], string | undefined>();

function peerAddress(socket: IncomingMessage["socket"]): string | undefined {
  if (peerAddresses.has(socket)) return peerAddresses.get(socket);
  const address = normalisedAddress(socket.remoteAddress);
  // A socket that has already closed reports no address: not remembered, so it is never pinned as unknown.
  if (socket.remoteAddress !== undefined) peerAddresses.set(socket, address);
  return address;
}

export function identifyRequest(request: IncomingMessage, trust: ProxyTrust): RequestIdentity {
  const peer = peerAddress(request.socket);
  const peerIsTrusted = peer !== undefined && trust.trusts(peer, 0);
  const hops = peerIsTrusted ? reportedHops(request, trust.header) : [];
  const encrypted = "encrypted" in request.socket && request.socket.encrypted === true;

  let forwardedProto: string | undefined;
  let forwardedHost: string | undefined;
  if (peerIsTrusted) {
    forwardedProto = trust.header === "forwarded" ? hops[0]?.proto : lastValue(request, "x-forwarded-proto");
    forwardedHost = trust.header === "forwarded" ? hops[0]?.host : lastValue(request, "x-forwarded-host");
  }
  const proto = forwardedProto?.toLowerCase();
  const trustedRequestId = peerIsTrusted ? lastValue(request, "x-request-id") : undefined;
  return {
    requestId: trustedRequestId && requestIdPattern.test(trustedRequestId) ? trustedRequestId : newRequestId(),
    clientAddress: resolveClientAddress(peer, hops, trust),
    protocol: encrypted || proto === "https" ? "https" : "http",
    host: validHost(forwardedHost) ?? validHost(request.headers.host),
  };
}

/**
 * Headers that claim something about the client or the route, which only this pipeline may assert:
 * every forwarding header in use (a trusted proxy's values have been read into the identity by now),
 * request ids, our internal headers and Next.js's internal ones (x-middleware-subrequest would skip the
 * proxy, CVE-2025-29927).
 */
const droppedHeaderNames = new Set([
  "forwarded",
  "x-forwarded",
  "forwarded-for",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
  "x-cluster-client-ip",
  "x-original-forwarded-for",
  "x-original-host",
  "x-host",
  "x-request-id",
  "x-nonce",
  "x-matched-path",
  "x-now-route-matches",
  "x-prerender-revalidate",
  "x-prerender-revalidate-if-generated",
]);
const droppedHeaderPrefixes = ["x-forwarded-", "x-middleware-", "x-invoke-", "x-next-", internalHeaderPrefix];

export function isDroppedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return droppedHeaderNames.has(lower) || droppedHeaderPrefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * Replaces whatever the client sent about itself with what the edge decided: our internal headers for
 * lib code, and single-valued X-Forwarded-For/-Proto/-Host for Next.js itself (its server-action origin
 * check and request URLs read those).
 */
export function rewriteRequestHeaders(request: IncomingMessage, identity: RequestIdentity): void {
  const set: Record<string, string> = {
    [internalHeaders.clientAddress]: identity.clientAddress,
    [internalHeaders.requestId]: identity.requestId,
    "x-forwarded-proto": identity.protocol,
  };
  if (identity.clientAddress !== "unknown") set["x-forwarded-for"] = identity.clientAddress;
  if (identity.host) set["x-forwarded-host"] = identity.host;

  for (const name of Object.keys(request.headers)) if (isDroppedHeader(name)) delete request.headers[name];
  Object.assign(request.headers, set);
  const raw: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    if (!isDroppedHeader(request.rawHeaders[index]!)) raw.push(request.rawHeaders[index]!, request.rawHeaders[index + 1]!);
  }
  for (const [name, value] of Object.entries(set)) raw.push(name, value);
  request.rawHeaders = raw;
}
