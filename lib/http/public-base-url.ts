import { headers } from "next/headers";

/** Absolute public URLs start here: PUBLIC_BASE_URL when set, else the origin the request came to. */
export function publicBaseUrlFor(requestOrigin: string): string {
  return (process.env.PUBLIC_BASE_URL ?? requestOrigin).replace(/\/+$/, "");
}

/**
 * The same base for pages, sitemap and robots.txt, which get no Request object: the origin is rebuilt
 * from the Host header (and X-Forwarded-Proto behind a proxy), as Next.js builds `request.url`.
 */
export async function publicBaseUrlOfRequest(): Promise<string> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return publicBaseUrlFor(`${protocol}://${host}`);
}
