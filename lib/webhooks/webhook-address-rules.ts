import dns from "node:dns";
import ipaddr from "ipaddr.js";

/**
 * Which subscriber addresses this server may call. In production a webhook must not become a way to
 * reach the server's own network (loopback, private, link-local, unique-local, CGNAT, multicast,
 * unspecified and every other special-purpose range), unless configuration says so.
 */
export type WebhookAddressPolicy = {
  /** Refuse every address that is not ordinary public unicast. */
  refuseNonPublic: boolean;
  /** Host names (as written in the URL) exempt from that rule, e.g. a receiver on the same network. */
  allowedHosts: readonly string[];
};

export function webhookAddressPolicy(env: Record<string, string | undefined> = process.env): WebhookAddressPolicy {
  return {
    refuseNonPublic: env.NODE_ENV === "production" && env.GRANSKAD_WEBHOOK_ALLOW_PRIVATE !== "1",
    allowedHosts: (env.GRANSKAD_WEBHOOK_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  };
}

/**
 * The special-purpose range `address` belongs to ("loopback", "private", "uniqueLocal", …), or null
 * for public unicast. An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
 */
export function nonPublicRangeOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return "invalid";
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === "unicast" ? null : range;
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every address the system resolver gives for `hostname` (an IP literal resolves to itself). */
export const resolveHost: ResolveHost = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** The URL's host as the resolver wants it: without the brackets of an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

export type AddressCheck = { ok: true; addresses: [ResolvedAddress, ...ResolvedAddress[]] } | { ok: false; reason: string };

/**
 * Resolves `hostname` and checks every address it has: one non-public address refuses the host, so a
 * name with a public and a private record cannot be used to reach the private one. The caller connects
 * to the addresses returned here, never resolving again (no DNS-rebinding gap).
 */
export async function checkWebhookHost(hostname: string, policy: WebhookAddressPolicy, resolve: ResolveHost = resolveHost): Promise<AddressCheck> {
  let resolved: ResolvedAddress[];
  try {
    resolved = await resolve(hostname);
  } catch {
    return { ok: false, reason: `Värden ${hostname} kunde inte slås upp` };
  }
  const [first, ...rest] = resolved;
  if (!first) return { ok: false, reason: `Värden ${hostname} har ingen adress` };
  const addresses: [ResolvedAddress, ...ResolvedAddress[]] = [first, ...rest];
  if (!policy.refuseNonPublic || policy.allowedHosts.includes(hostname.toLowerCase())) return { ok: true, addresses };
  for (const { address } of addresses) {
    const range = nonPublicRangeOf(address);
    if (range) return { ok: false, reason: `Adressen ${address} (${range}) är inte publik; sådana adresser är inte tillåtna` };
  }
  return { ok: true, addresses };
}
