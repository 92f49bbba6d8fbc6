import { internalHeaders } from "@/lib/server/internal-headers";
import { normalisedAddress } from "@/lib/server/request-identity";

/**
 * The client's address as the edge pipeline settled it (lib/server/request-identity.ts: the socket's
 * peer, or what a trusted proxy reported), used as a throttling key. This is the one place lib code
 * reads it; X-Forwarded-For and its kin are never read here, since a client can write them. Without the
 * pipeline's header (a request that did not come through it) the answer is "unknown".
 */
export function clientAddressFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(internalHeaders.clientAddress) : headers[internalHeaders.clientAddress];
  return normalisedAddress(Array.isArray(value) ? value[0] : (value ?? undefined)) ?? "unknown";
}
