import type { Metadata } from "next";
import Link from "next/link";
import { PublishedArticleIndex } from "@/components/public/article-list";
import { listPublishedArticles, listPublishedRiskLists, publicRiskListPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  alternates: { canonical: "/" },
  openGraph: { type: "website", locale: "sv_SE", siteName: "Granskad", url: "/", title: "Injektioner mot ryggsmärta" },
};

export default async function HomePage() {
  const [articles, riskLists] = await Promise.all([listPublishedArticles(getDb()), listPublishedRiskLists(getDb())]);
  return (
    <>
      <h1>Injektioner mot ryggsmärta</h1>
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
