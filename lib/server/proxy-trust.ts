import proxyaddr from "proxy-addr";
import { z } from "zod";

/**
 * Which peers may tell us about the client: the reverse proxies, load balancers and CDNs the operator
 * put in front of Granskad, and nobody else. Without configuration nobody is trusted, so the client
 * address is the socket's peer and every forwarded header is ignored.
 *
 * - GRANSKAD_TRUSTED_PROXIES: addresses and CIDR ranges (comma-separated; also proxy-addr's names
 *   `loopback`, `linklocal`, `uniquelocal`) of the proxies.
 * - GRANSKAD_TRUSTED_PROXY_HOPS: how many proxies stand in front of Granskad. With both set, a hop is
 *   trusted only when it is within the count and its address is on the list.
 * - GRANSKAD_FORWARDED_HEADER: the header those proxies write, `x-forwarded-for` (default, with
 *   X-Forwarded-Host and X-Forwarded-Proto) or `forwarded` (RFC 7239). The other one is never read, so a
 *   client cannot slip a second chain past a proxy that only maintains the first.
 */
export type ProxyTrust = {
  /** Is the address `hops` steps away from this server (0 = the socket's peer) a proxy we trust? */
  trusts: (address: string, hops: number) => boolean;
  header: "x-forwarded-for" | "forwarded";
  /** What is trusted, in words, for the start-up log line. */
  description: string;
};

export class ProxyTrustError extends Error {
  override name = "ProxyTrustError";
}

const proxyTrustEnvironmentSchema = z.object({
  GRANSKAD_TRUSTED_PROXIES: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.split(",").map((entry) => entry.trim()).filter(Boolean) : [])),
  GRANSKAD_TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "must be a whole number of proxies (0–99)")
    .transform(Number)
    .optional(),
  GRANSKAD_FORWARDED_HEADER: z.enum(["x-forwarded-for", "forwarded"], "must be x-forwarded-for or forwarded").default("x-forwarded-for"),
});

export type ProxyTrustEnvironment = { [Name in keyof z.input<typeof proxyTrustEnvironmentSchema>]?: string | undefined } & Record<string, string | undefined>;

/** Reads the trust settings; a setting that does not parse stops the server with one line saying which. */
export function proxyTrustFrom(environment: ProxyTrustEnvironment): ProxyTrust {
  const parsed = proxyTrustEnvironmentSchema.safeParse({
    ...environment,
    GRANSKAD_TRUSTED_PROXY_HOPS: environment.GRANSKAD_TRUSTED_PROXY_HOPS || undefined,
    GRANSKAD_FORWARDED_HEADER: environment.GRANSKAD_FORWARDED_HEADER || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProxyTrustError(`${String(issue.path[0])} ${issue.message}`);
  }
  const { GRANSKAD_TRUSTED_PROXIES: addresses, GRANSKAD_TRUSTED_PROXY_HOPS: hops, GRANSKAD_FORWARDED_HEADER: header } = parsed.data;
  let listed: (address: string) => boolean = () => true;
  if (addresses.length > 0) {
    try {
      const compiled = proxyaddr.compile(addresses);
      listed = (address) => compiled(address, 0);
    } catch (error) {
      throw new ProxyTrustError(`GRANSKAD_TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (addresses.length === 0 && hops === undefined) {
    return { trusts: () => false, header, description: "no proxy trusted: client addresses are socket peers" };
  }
  const withinHops = (distance: number) => hops === undefined || distance < hops;
  return {
    trusts: (address, distance) => withinHops(distance) && listed(address),
    header,
    description: [
      addresses.length > 0 ? `proxies ${addresses.join(", ")}` : undefined,
      hops !== undefined ? `${hops} hop${hops === 1 ? "" : "s"}` : undefined,
      `via ${header}`,
    ]
      .filter(Boolean)
      .join(", "),
  };
}
