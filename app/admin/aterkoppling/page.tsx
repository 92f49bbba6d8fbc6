import type { Metadata } from "next";
import Link from "next/link";
import { versionStatusLabels } from "@/lib/labels/sv";
import "@/components/moderation/moderation.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { publicArticlePath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { listFeedbackCounts } from "@/lib/feedback/feedback-counts";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Återkoppling" };
export const dynamic = "force-dynamic";

export default async function FeedbackPage() {
  await requirePageUser(adminPaths.feedback, ["ADMIN", "EDITOR"]);
  const articles = await listFeedbackCounts(getDb());
  return (
    <>
      <h1>Återkoppling: ”Var det här till hjälp?”</h1>
      <p>Svar per artikel och per version. En webbläsare har en röst per artikel; den som ändrar sig flyttar sin röst.</p>
      {articles.length === 0 ? (
        <p>Inga svar ännu.</p>
      ) : (
        <div className="table-scroll">
          <table className="moderation-table" data-testid="feedback-table">
            <thead>
              <tr>
                <th scope="col">Artikel / version</th>
                <th scope="col" className="moderation-number">
                  Ja
                </th>
                <th scope="col" className="moderation-number">
                  Nej
                </th>
                <th scope="col" className="moderation-number">
                  Andel ja
                </th>
              </tr>
            </thead>
            {articles.map((article) => (
              <tbody key={article.articleId} data-testid="feedback-article">
                <tr>
                  <th scope="row">
                    <Link href={publicArticlePath(article.slug)}>{article.title}</Link>
                  </th>
                  <td className="moderation-number">{article.yes}</td>
                  <td className="moderation-number">{article.no}</td>
                  <td className="moderation-number">{share(article.yes, article.no)}</td>
                </tr>
                {article.versions.map((version) => (
                  <tr key={version.versionId} data-testid="feedback-version">
                    <th scope="row">
                      <Link href={adminPaths.version(version.versionId)}>
                        Version {version.number} ({versionStatusLabels[version.status]})
                      </Link>
                    </th>
                    <td className="moderation-number">{version.yes}</td>
                    <td className="moderation-number">{version.no}</td>
                    <td className="moderation-number">{share(version.yes, version.no)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}

function share(yes: number, no: number): string {
  return yes + no === 0 ? "–" : `${Math.round((100 * yes) / (yes + no))} %`;
}
