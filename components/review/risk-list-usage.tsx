import Link from "next/link";
import type { RiskListUse } from "@/lib/workflow/version-queries";
import { versionStatusLabels } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";

function versionsText(versions: RiskListUse["versions"]): string {
  return versions.map((used) => `version ${used.number}, ${versionStatusLabels[used.status]}`).join("; ");
}

/**
 * "Används i": every article whose published or open version shows this risk list, and how: directly,
 * or through an embedded procedure (an overview shows its procedures' risk lists).
 */
export function RiskListUsage({ usage }: { usage: RiskListUse[] }) {
  return (
    <section className="review-section" aria-labelledby="usage-heading">
      <h2 id="usage-heading">Används i</h2>
      {usage.length === 0 ? (
        <p>Ingen publicerad eller pågående artikelversion visar risklistan.</p>
      ) : (
        <ul data-testid="risk-list-usage" className="usage-list">
          {usage.map((article) => (
            <li key={article.articleId} data-testid="risk-list-use">
              <Link href={adminPaths.item({ kind: "article", id: article.articleId })}>{article.title}</Link>
              <ul>
                {article.direct.length > 0 && (
                  <li data-testid="use-direct">
                    direkt <span className="review-hint">({versionsText(article.direct)})</span>
                  </li>
                )}
                {article.via.map((via) => (
                  <li key={via.procedureArticleId} data-testid="use-via">
                    via proceduren <Link href={adminPaths.item({ kind: "article", id: via.procedureArticleId })}>{via.procedureTitle}</Link>{" "}
                    <span className="review-hint">({versionsText(via.versions)})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
