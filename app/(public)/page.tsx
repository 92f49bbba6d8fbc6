import type { Metadata } from "next";
import Link from "next/link";
import { PublishedArticleIndex } from "@/components/public/article-list";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { listPublishedArticles, listPublishedRiskLists, publicRiskListPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { siteName } from "@/lib/seo/page-metadata";
import { websiteJsonLd } from "@/lib/seo/structured-data";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

const title = "Injektioner mot ryggsmärta";

export const metadata: Metadata = {
  title,
  alternates: { canonical: "/" },
  openGraph: { type: "website", locale: "sv_SE", siteName, url: "/", title },
};

export default async function HomePage() {
  const [articles, riskLists] = await Promise.all([listPublishedArticles(getDb()), listPublishedRiskLists(getDb())]);
  const baseUrl = publicBaseUrl();
  return (
    <>
      <JsonLdScript data={websiteJsonLd(`${baseUrl}/`)} />
      <h1>{title}</h1>
      <p className="lead">Här finns patientinformation om olika injektioner mot ryggsmärta. Varje text är granskad av läkare.</p>
      <PublishedArticleIndex articles={articles} />
      {riskLists.length > 0 && (
        <section aria-labelledby="risklistor">
          <h2 id="risklistor">Risker och biverkningar</h2>
          <ul className="procedure-index">
            {riskLists.map((riskList) => (
              <li key={riskList.slug}>
                <Link href={publicRiskListPath(riskList.slug)}>{riskList.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
