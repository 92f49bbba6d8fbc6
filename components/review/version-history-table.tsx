import Link from "next/link";
import type { SessionUser } from "@/lib/auth/current-user";
import type { ItemHistory } from "@/lib/workflow/version-queries";
import { availableActions } from "@/lib/workflow/version-workflow";
import { StartEditingButton } from "@/components/editor/start-editing-button";
import { decisionLabels, formatAdminDateTime, versionStatusLabels } from "@/lib/labels/sv";
import "./review.css";
import { adminPaths } from "@/lib/paths/admin-paths";

const compareFormId = "compare-versions";

/**
 * Every version of an item, newest first, with who wrote and reviewed it and when. Two radio columns
 * pick the versions to compare; they belong to a form outside the table, because each row's restore
 * button is a form of its own and forms cannot nest.
 */
export function VersionHistoryTable({ history, user }: { history: ItemHistory; user: SessionUser }) {
  const { item, versions } = history;
  const itemRef = { kind: item.kind, id: item.id };
  const [newest, previous] = versions;
  return (
    <>
      <form id={compareFormId} action={adminPaths.compare} method="get" className="review-actions">
        <p className="review-hint">Välj en version i kolumnen ”Från” och en i ”Till” för att jämföra dem.</p>
        <button type="submit" disabled={versions.length < 2}>
          Jämför valda versioner
        </button>
      </form>
      <div className="table-scroll">
        <table className="review-history" data-testid="version-history">
          <caption className="visually-hidden">Alla versioner, nyaste först</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Författare</th>
              <th scope="col">Granskning</th>
              <th scope="col">Noteringar</th>
              <th scope="col">Datum</th>
              <th scope="col">Från</th>
              <th scope="col">Till</th>
              <th scope="col">Återställ</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const authors = version.authors.map((author) => author.user.name).join(", ") || version.createdBy.name;
              const canRestore = availableActions(version, user, "independent").includes("startDraftFrom");
              return (
                <tr key={version.id} data-testid="version-row">
                  <th scope="row">
                    <Link href={adminPaths.version(version.id)}>Version {version.number}</Link>
                  </th>
                  <td>{versionStatusLabels[version.status]}</td>
                  <td>{authors}</td>
                  <td>
                    {version.decision && version.reviewer
                      ? `${decisionLabels[version.decision]} av ${version.reviewer.name}, ${version.reviewer.title}`
                      : "–"}
                  </td>
                  <td>
                    {version.changeNote && <p className="review-hint">Intern: {version.changeNote}</p>}
                    {version.readerNote && <p className="review-hint">Läsare: {version.readerNote}</p>}
                    {!version.changeNote && !version.readerNote && "–"}
                  </td>
                  <td>
                    <p className="review-hint">Skapad {formatAdminDateTime(version.createdAt)}</p>
                    {version.submittedAt && <p className="review-hint">Skickad {formatAdminDateTime(version.submittedAt)}</p>}
                    {version.decidedAt && <p className="review-hint">Beslut {formatAdminDateTime(version.decidedAt)}</p>}
                    {version.publishedAt && <p className="review-hint">Publicerad {formatAdminDateTime(version.publishedAt)}</p>}
                    {version.unpublishedAt && <p className="review-hint">Avpublicerad {formatAdminDateTime(version.unpublishedAt)}</p>}
                  </td>
                  <td>
                    <input
                      type="radio"
                      form={compareFormId}
                      name="fran"
                      value={version.id}
                      defaultChecked={version.id === (previous ?? newest)?.id}
                      aria-label={`Jämför från version ${version.number}`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      form={compareFormId}
                      name="till"
                      value={version.id}
                      defaultChecked={version.id === newest?.id}
                      aria-label={`Jämför till version ${version.number}`}
                    />
                  </td>
                  <td>{canRestore && <StartEditingButton item={itemRef} fromVersionId={version.id} label={`Återställ version ${version.number} som nytt utkast`} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
