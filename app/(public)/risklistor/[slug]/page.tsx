import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { PrintFooter } from "@/components/public/print-footer";
import { ReaderNote, ReviewLine } from "@/components/public/review-metadata";
import { RiskGroups } from "@/components/public/risk-list";
import { getPublishedRiskListPage, publicArticlePath, publicRiskListPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { contentPageMetadata } from "@/lib/seo/page-metadata";
import { riskListJsonLd } from "@/lib/seo/structured-data";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

type RiskListPageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: RiskListPageProps): Promise<Metadata> {
  const { slug } = await params;
  const riskList = await getPublishedRiskListPage(getDb(), slug);
  if (!riskList) return { title: "Sidan finns inte" };
  return contentPageMetadata({
    title: riskList.title,
    description: riskList.summary,
    path: publicRiskListPath(riskList.slug),
    modifiedAt: riskList.review.lastReviewedAt ?? riskList.review.publishedAt,
  });
}

/** A risk list on its own: its review, its risks, and the articles that show it. */
export default async function RiskListPage({ params }: RiskListPageProps) {
  const { slug } = await params;
  const riskList = await getPublishedRiskListPage(getDb(), slug);
  if (!riskList) notFound();
  const url = `${publicBaseUrl()}${publicRiskListPath(riskList.slug)}`;
  return (
    <article className="article">
      <JsonLdScript data={riskListJsonLd(riskList, url, new Date())} />
      <header className="article-header">
        <p className="eyebrow">Risklista</p>
        <h1>{riskList.title}</h1>
        {riskList.summary && <p className="lead">{riskList.summary}</p>}
        <ReviewLine review={riskList.review} />
      </header>
      <ReaderNote note={riskList.review.readerNote} />
      <section className="risk-list" aria-labelledby="risker">
        <h2 id="risker">Risker</h2>
        <RiskGroups groups={riskList.groups} />
      </section>
      {riskList.usedBy.length > 0 && (
        <section aria-labelledby="anvands-i">
          <h2 id="anvands-i">Visas i</h2>
          <ul>
            {riskList.usedBy.map((article) => (
              <li key={article.slug}>
                <Link href={publicArticlePath(article.slug)}>{article.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <PrintFooter review={riskList.review} url={url} />
    </article>
  );
}
