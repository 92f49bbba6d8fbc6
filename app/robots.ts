import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/http/public-base-url";

// Read at request time, so the base URL is the running server's configuration, not the build's.
export const dynamic = "force-dynamic";

/** Readers' pages may be indexed; the editorial admin, sign-in and auth endpoints may not. */
export default function robots(): MetadataRoute.Robots {
  const baseUrl = publicBaseUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/logga-in", "/api/auth"] },
    sitemap: `${baseUrl}/sitemap.xml`,
  };
}
