import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { diffContent } from "@/lib/content/version-diff";
import { findItemTitles, findVersionPair } from "@/lib/workflow/version-queries";
import { VersionDiffView, referencedIds } from "@/components/review/version-diff-view";
import { itemKindLabel, itemPath, versionLabel } from "@/components/review/version-labels";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jämför versioner" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Any two versions of one article or risk list, side by side: ?fran=<versionId>&till=<versionId>. */
export default async function CompareVersionsPage({ searchParams }: Props) {
  const query = await searchParams;
  await requirePageUser("/admin/jamfor");
  const db = getDb();
  const pair = await findVersionPair(db, { fran: query.fran, till: query.till });
  if (!pair.ok) {
    return (
      <article aria-labelledby="compare-heading">
        <h1 id="compare-heading">Jämför versioner</h1>
        <p role="alert" className="form-error" data-testid="compare-error">
          {pair.failure.message}.
        </p>
        <p>
          Välj två versioner av samma artikel eller risklista i dess versionslista. <Link href="/admin/innehall">Till allt innehåll</Link>
        </p>
      </article>
    );
  }
  const { item, from, to } = pair.value;
  const onlyChanges = query.visa === "andringar";
  const diff = diffContent(from.content, to.content);
  const titles = await findItemTitles(db, referencedIds(diff));
  return (
    <article aria-labelledby="compare-heading">
      <p>
        <Link href={itemPath(item)}>← Alla versioner</Link>
      </p>
      <h1 id="compare-heading">Jämför versioner: {to.version.title}</h1>
      <p>
        {itemKindLabel(item)}: <Link href={`/admin/versioner/${from.version.id}`}>{versionLabel(from.version)}</Link> jämförd med{" "}
        <Link href={`/admin/versioner/${to.version.id}`}>{versionLabel(to.version)}</Link>.
      </p>
      <VersionDiffView
        diff={diff}
        beforeLabel={versionLabel(from.version)}
        afterLabel={versionLabel(to.version)}
        titles={titles}
        onlyChanges={onlyChanges}
        toggleHref={`/admin/jamfor?${new URLSearchParams({ fran: from.version.id, till: to.version.id, ...(onlyChanges ? {} : { visa: "andringar" }) })}`}
      />
    </article>
  );
}
