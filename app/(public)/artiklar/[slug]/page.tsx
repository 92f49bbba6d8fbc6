import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/public/article-body";
import { GlossaryList } from "@/components/public/glossary-list";
import { JsonLdScript } from "@/components/public/json-ld-script";
import { PrintFooter } from "@/components/public/print-footer";
import { ReaderResponses } from "@/components/public/reader-responses";
import { ReaderNote, ReviewLine } from "@/components/public/review-metadata";
import { TableOfContents } from "@/components/public/table-of-contents";
import { getPublishedArticle, publicArticlePath, publicGlossaryPath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { contentPageMetadata } from "@/lib/seo/page-metadata";
import { articleJsonLd } from "@/lib/seo/structured-data";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

type ArticlePageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublishedArticle(getDb(), slug);
  if (!article) return { title: "Sidan finns inte" };
  return contentPageMetadata({
    title: article.title,
    description: article.summary,
    path: publicArticlePath(article.slug),
    modifiedAt: article.review.lastReviewedAt ?? article.review.publishedAt,
  });
}

/** An overview or procedure article. Sections added below the body (feedback, comments) go after ArticleBody. */
export default async function ArticlePage({ params }: ArticlePageProps) {
  const { slug } = await params;
  const article = await getPublishedArticle(getDb(), slug);
  if (!article) notFound();
  const baseUrl = publicBaseUrl();
  const absolute = (articleSlug: string) => `${baseUrl}${publicArticlePath(articleSlug)}`;
  return (
    <article className="article">
      <JsonLdScript data={articleJsonLd(article, absolute(article.slug), absolute, new Date())} />
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.summary && <p className="lead">{article.summary}</p>}
        <ReviewLine review={article.review} />
      </header>
      <TableOfContents blocks={article.blocks} />
      <ReaderNote note={article.review.readerNote} />
      <ArticleBody blocks={article.blocks} sectionLevel={1} glossary={article.glossary} />
      <GlossaryList entries={article.glossary} level={2} glossaryPath={publicGlossaryPath} />
      <ReaderResponses articleId={article.id} pagePath={publicArticlePath(article.slug)} />
      <PrintFooter review={article.review} url={absolute(article.slug)} />
    </article>
  );
}
