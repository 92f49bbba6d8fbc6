import ipaddr from "ipaddr.js";

/**
 * The client's address as the nearest proxy reports it; used only as a throttling key. Anything that is
 * not an IP address (a header is free text up to many kilobytes) counts as "unknown", so the key stays
 * short enough for the RateLimit table's index.
 */
/** The longest textual IP address (IPv6 with an embedded IPv4 address); a zone id may not stretch it. */
const longestAddress = 45;

export function clientAddressFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const read = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const reported = read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip")?.trim() || "";
  return reported.length <= longestAddress && ipaddr.isValid(reported) ? ipaddr.process(reported).toString() : "unknown";
}
