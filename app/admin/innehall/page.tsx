import type { Metadata } from "next";
import Link from "next/link";
import { formatCalendarDate, itemTypeName, ownerLabels, versionStatusLabels } from "@/lib/labels/sv";
import "@/components/dashboard/dashboard.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { listContentItems } from "@/lib/workflow/dashboard";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Innehåll" };
export const dynamic = "force-dynamic";

export default async function ContentListPage() {
  const user = await requirePageUser(adminPaths.content);
  const items = await listContentItems(getDb());
  const canCreate = user.roles.includes("EDITOR");

  return (
    <>
      <h1>Innehåll</h1>
      {canCreate && (
        <p className="dashboard-actions">
          <Link href={adminPaths.newArticle}>Ny artikel</Link>
          <Link href={adminPaths.newRiskList}>Ny risklista</Link>
        </p>
      )}
      {items.length === 0 ? (
        <p className="dashboard-empty">Det finns inga artiklar eller risklistor ännu.</p>
      ) : (
        <div className="table-scroll">
          <table className="dashboard-table" data-testid="innehallslista">
            <caption className="dashboard-empty">Alla artiklar, procedurer och risklistor ({items.length})</caption>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Typ</th>
                <th scope="col">Publicerad version</th>
                <th scope="col">Senaste version</th>
                <th scope="col">Granskas senast</th>
                <th scope="col">Granskningscykel</th>
                <th scope="col">{ownerLabels.owner}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.href}>
                  <th scope="row">
                    <Link href={item.href}>{item.title}</Link>
                    {item.archived && " (arkiverad)"}
                  </th>
                  <td>{itemTypeName(item)}</td>
                  <td>{item.published ? <Link href={item.published.versionHref}>version {item.published.number}</Link> : "ej publicerad"}</td>
                  <td>
                    {item.published?.number === item.latest.number ? (
                      "samma"
                    ) : (
                      <Link href={item.latest.versionHref}>
                        version {item.latest.number} ({versionStatusLabels[item.latest.status]})
                      </Link>
                    )}
                  </td>
                  <td>
                    {item.published?.nextReviewDue ? formatCalendarDate(item.published.nextReviewDue) : "–"}
                    {item.published?.overdue && <strong className="dashboard-overdue"> försenad</strong>}
                  </td>
                  <td>var {item.reviewIntervalMonths}:e månad</td>
                  <td data-testid="item-owner">
                    {item.owner.name}
                    {!item.owner.mayOwn && <strong className="dashboard-overdue"> {ownerLabels.noLongerOwner}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
