import Link from "next/link";
import { notFound } from "next/navigation";
import { hasAnyRole, requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import type { Item } from "@/lib/items/item";
import { findItemHistory, findRiskListUsage } from "@/lib/workflow/version-queries";
import { StartEditingButton } from "@/components/editor/start-editing-button";
import { RiskListUsage } from "./risk-list-usage";
import { VersionHistoryTable } from "./version-history-table";
import { listPossibleOwners } from "@/lib/auth/item-owners";
import { itemKindLabel, ownerLabels } from "@/lib/labels/sv";
import { findItemOwner, mayChangeOwner } from "@/lib/workflow/item-owner";
import { ItemOwnerForm } from "./item-owner-form";
import { adminPaths } from "@/lib/paths/admin-paths";

/** The item page shared by articles and risk lists: its history, comparison and editing entry points. */
export async function ItemHistoryPage({ item }: { item: Item }) {
  const path = adminPaths.item(item);
  const user = await requirePageUser(path);
  const db = getDb();
  const history = await findItemHistory(db, item);
  if (!history) notFound();
  const usage = history.item.kind === "riskList" ? await findRiskListUsage(db, history.item.id) : [];
  const published = history.versions.find((version) => version.status === "PUBLISHED");
  const owner = await findItemOwner(db, item);
  if (!owner) notFound();
  const mayHandOver = mayChangeOwner(user, owner.id);
  const possibleOwners = mayHandOver ? await listPossibleOwners(db) : [];
  return (
    <article aria-labelledby="item-heading">
      <p>
        <Link href={adminPaths.content}>← Allt innehåll</Link>
      </p>
      <h1 id="item-heading">{history.title}</h1>
      <p>
        {itemKindLabel(history.item)} · adress <code>{history.item.slug}</code> ·{" "}
        {published ? (
          <>
            publicerad: <Link href={adminPaths.version(published.id)}>version {published.number}</Link>
          </>
        ) : (
          "inte publicerad"
        )}
      </p>
      <section id="ansvarig" className="review-section" aria-labelledby="owner-heading">
        <h2 id="owner-heading">{ownerLabels.owner}</h2>
        <p data-testid="item-owner">
          {owner.title ? `${owner.name}, ${owner.title}` : owner.name}
          {!owner.mayOwn && <strong className="dashboard-overdue"> – {ownerLabels.noLongerOwner}</strong>}
        </p>
        {mayHandOver && <ItemOwnerForm item={item} currentOwnerId={owner.id} possibleOwners={possibleOwners} />}
      </section>
      {hasAnyRole(user, ["EDITOR"]) && (
        <div className="review-actions">
          <StartEditingButton item={item} label="Redigera" />
        </div>
      )}
      <section className="review-section" aria-labelledby="history-heading">
        <h2 id="history-heading">Versioner</h2>
        <VersionHistoryTable history={history} user={user} />
      </section>
      {history.item.kind === "riskList" && (
        <RiskListUsage usage={usage} />
      )}
    </article>
  );
}
