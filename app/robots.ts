import type { MetadataRoute } from "next";
import { publicBaseUrl } from "@/lib/http/public-base-url";

// Read at request time, so the base URL is the running server's configuration, not the build's.
export const dynamic = "force-dynamic";

/**
 * Crawlers may fetch every page. The pages that must stay out of search results (sign-in, the editorial
 * admin) say so themselves with `noindex`, which a crawler can only read on a page it may fetch: a
 * Disallow would hide the noindex and leave the bare URL indexable. Only the auth endpoints, which are
 * not pages, are disallowed.
 */
export default function robots(): MetadataRoute.Robots {
  const baseUrl = publicBaseUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/auth"] },
    sitemap: `${baseUrl}/sitemap.xml`,
  };
}
