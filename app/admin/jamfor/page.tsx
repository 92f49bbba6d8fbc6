import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { diffContent } from "@/lib/content/version-diff";
import { readabilityForDiff } from "@/lib/readability/readability-comparison";
import { lixTarget } from "@/lib/readability/readability-target";
import { findItemTitles, findPublishedRiskListContents, findVersionPair } from "@/lib/workflow/version-queries";
import { VersionDiffView, referencedIds } from "@/components/review/version-diff-view";
import { itemKindLabel, versionLabel } from "@/lib/labels/sv";
import { adminPaths } from "@/lib/paths/admin-paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jämför versioner" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Any two versions of one article or risk list, side by side: ?fran=<versionId>&till=<versionId>. */
export default async function CompareVersionsPage({ searchParams }: Props) {
  const query = await searchParams;
  await requirePageUser(adminPaths.compare);
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
          Välj två versioner av samma artikel eller risklista i dess versionslista. <Link href={adminPaths.content}>Till allt innehåll</Link>
        </p>
      </article>
    );
  }
  const { item, from, to } = pair.value;
  const onlyChanges = query.visa === "andringar";
  const diff = diffContent(from.content, to.content);
  const referenced = referencedIds(diff);
  const [titles, riskLists] = await Promise.all([findItemTitles(db, referenced), findPublishedRiskListContents(db, referenced.riskListIds)]);
  return (
    <article aria-labelledby="compare-heading">
      <p>
        <Link href={adminPaths.item(item)}>← Alla versioner</Link>
      </p>
      <h1 id="compare-heading">Jämför versioner: {to.version.title}</h1>
      <p>
        {itemKindLabel(item)}: <Link href={adminPaths.version(from.version.id)}>{versionLabel(from.version)}</Link> jämförd med{" "}
        <Link href={adminPaths.version(to.version.id)}>{versionLabel(to.version)}</Link>.
      </p>
      <VersionDiffView
        diff={diff}
        beforeLabel={versionLabel(from.version)}
        afterLabel={versionLabel(to.version)}
        titles={titles}
        riskLists={riskLists}
        onlyChanges={onlyChanges}
        readability={readabilityForDiff(from.content, to.content, lixTarget())}
        toggleHref={adminPaths.comparison(from.version.id, to.version.id, { onlyChanges: !onlyChanges })}
      />
    </article>
  );
}
