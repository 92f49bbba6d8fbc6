import type { MetadataRoute } from "next";
import { listPublishedArticles, listPublishedGlossary, listPublishedRiskLists, publicArticlePath, publicGlossaryPath, publicRiskListPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

function lastModified(item: { publishedAt: Date | null; lastReviewedAt: Date | null }): Date | undefined {
  const moments = [item.publishedAt, item.lastReviewedAt].flatMap((moment) => (moment ? [moment.getTime()] : []));
  return moments.length ? new Date(Math.max(...moments)) : undefined;
}

/** The home page, every published article and risk list, and the glossary page once a term is published. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const baseUrl = publicBaseUrl();
  const [articles, riskLists, glossary] = await Promise.all([listPublishedArticles(getDb()), listPublishedRiskLists(getDb()), listPublishedGlossary(getDb())]);
  return [
    { url: `${baseUrl}/` },
    ...(glossary.length ? [{ url: `${baseUrl}${publicGlossaryPath}` }] : []),
    ...articles.map((article) => ({ url: `${baseUrl}${publicArticlePath(article.slug)}`, lastModified: lastModified(article) })),
    ...riskLists.map((riskList) => ({ url: `${baseUrl}${publicRiskListPath(riskList.slug)}`, lastModified: lastModified(riskList) })),
  ];
}
