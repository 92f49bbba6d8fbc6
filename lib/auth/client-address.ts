/** The client's address as the nearest proxy reports it; used only as a throttling key. */
export function clientAddressFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const read = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip")?.trim() || "unknown";
}
