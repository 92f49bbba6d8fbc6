import type { MetadataRoute } from "next";
import { publicBaseUrlOfRequest } from "@/lib/http/public-base-url";

export const dynamic = "force-dynamic";

/** Readers' pages may be indexed; the editorial admin, sign-in and auth endpoints may not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const baseUrl = await publicBaseUrlOfRequest();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/logga-in", "/api/auth"] },
    sitemap: `${baseUrl}/sitemap.xml`,
  };
}
