import { PublishedArticleIndex } from "@/components/public/article-list";
import { listPublishedArticles } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";

// Read at request time: the build has no database, and a publish must show without a rebuild.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const articles = await listPublishedArticles(getDb());
  return (
    <>
      <h1>Injektioner mot ryggsmärta</h1>
      <p className="lead">Här finns patientinformation om olika injektioner mot ryggsmärta. Varje text är granskad av läkare.</p>
      <PublishedArticleIndex articles={articles} />
    </>
  );
}
