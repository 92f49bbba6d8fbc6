import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/public/article-body";
import { ReaderResponses } from "@/components/public/reader-responses";
import { ReaderNote, ReviewLine } from "@/components/public/review-metadata";
import { getPublishedArticle } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

type ArticlePageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: ArticlePageProps): Promise<Metadata> {
  const { slug } = await params;
  const article = await getPublishedArticle(getDb(), slug);
  if (!article) return { title: "Sidan finns inte" };
  return { title: article.title, ...(article.summary ? { description: article.summary } : {}) };
}

export default async function ArticlePage({ params }: ArticlePageProps) {
  const { slug } = await params;
  const article = await getPublishedArticle(getDb(), slug);
  if (!article) notFound();
  return (
    <article className="article">
      <header className="article-header">
        <h1>{article.title}</h1>
        {article.summary && <p className="lead">{article.summary}</p>}
        <ReviewLine review={article.review} />
      </header>
      <ReaderNote note={article.review.readerNote} />
      <ArticleBody blocks={article.blocks} sectionLevel={1} />
      <ReaderResponses articleId={article.id} />
    </article>
  );
}
