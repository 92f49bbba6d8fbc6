import type { RiskItem } from "@/lib/content/content-schemas";
import Link from "next/link";
import { publicRiskListPath, type PublishedRiskList } from "@/lib/content/public-content";
import { Heading, type HeadingLevel } from "./heading";
import { riskFrequencyLabels, riskSeverityLabels, temporaryRiskLabel } from "./swedish-labels";

function riskNotes(item: RiskItem): string[] {
  return [riskFrequencyLabels[item.frequency], item.temporary ? temporaryRiskLabel : null, riskSeverityLabels[item.severity]].filter(
    (note): note is string => note !== null,
  );
}

function RiskListItem({ item }: { item: RiskItem }) {
  const notes = riskNotes(item);
  return (
    <li className={item.severity === "SERIOUS" ? "risk risk-serious" : "risk"}>
      {item.text}
      {notes.length > 0 && <span className="risk-notes"> ({notes.join(", ")})</span>}
    </li>
  );
}

/** A risk list's groups and items. */
export function RiskGroups({ groups }: { groups: PublishedRiskList["groups"] }) {
  return groups.map((group) => (
    <div className="risk-group" key={group.key}>
      {group.title && <p className="risk-group-title">{group.title}</p>}
      <ul>
        {group.items.map((item) => (
          <RiskListItem key={item.key} item={item} />
        ))}
      </ul>
    </div>
  ));
}

/**
 * A risk list's current published version inside an article: its title, version, groups and items, and
 * (with `linkToPage`) a link to the list's own page with its review.
 */
export function RiskListSection({
  riskList,
  headingLevel,
  id,
  linkToPage = true,
}: {
  riskList: PublishedRiskList;
  headingLevel: HeadingLevel;
  id: string;
  linkToPage?: boolean;
}) {
  const headingId = `${id}-rubrik`;
  return (
    <section className="risk-list" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {riskList.title}
      </Heading>
      <p className="risk-list-version">
        Risklista, version {riskList.versionNumber}
        {linkToPage && (
          <>
            {" · "}
            <Link href={publicRiskListPath(riskList.slug)}>Om risklistan och dess granskning</Link>
          </>
        )}
      </p>
      {riskList.summary && <p>{riskList.summary}</p>}
      <RiskGroups groups={riskList.groups} />
    </section>
  );
}
