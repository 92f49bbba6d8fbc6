import type { MetadataRoute } from "next";
import { publicBaseUrlOfRequest } from "@/lib/http/public-base-url";

export const dynamic = "force-dynamic";

/**
 * Crawlers may fetch every page. The pages that must stay out of search results (sign-in, the editorial
 * admin) say so themselves with `noindex`, which a crawler can only read on a page it may fetch: a
 * Disallow would hide the noindex and leave the bare URL indexable. Only the auth endpoints, which are
 * not pages, are disallowed.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const baseUrl = await publicBaseUrlOfRequest();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/auth"] },
    sitemap: `${baseUrl}/sitemap.xml`,
  };
}
