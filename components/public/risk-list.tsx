import type { RiskItem } from "@/lib/content/content-schemas";
import Link from "next/link";
import { publicRiskListPath, type PublishedRiskList } from "@/lib/content/public-content";
import type { FullRiskList } from "./article-outline";
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

/** The link from a risk list inside an article to the list's own page, which says who reviewed it and when. */
function RiskListPageLink({ slug }: { slug: string }) {
  return (
    <p className="risk-list-page-link">
      <Link href={publicRiskListPath(slug)}>Om risklistan och dess granskning</Link>
    </p>
  );
}

/**
 * A risk list's current published version inside an article, in full: its title, groups and items, and
 * (with `linkToPage`) a link to the list's own page with its review. `id` is the section's anchor.
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
    <section className="risk-list" id={id} aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId}>
        {riskList.title}
      </Heading>
      {riskList.summary && <p>{riskList.summary}</p>}
      <RiskGroups groups={riskList.groups} />
      {linkToPage && <RiskListPageLink slug={riskList.slug} />}
    </section>
  );
}

/**
 * A risk list the page already shows in full under another procedure: collapsed to its title, one tap (or
 * Enter) from its items, without JavaScript. It is not a landmark, so the page's regions keep unique names.
 */
export function RepeatedRiskList({ riskList, fullCopy }: { riskList: PublishedRiskList; fullCopy: FullRiskList }) {
  return (
    <details className="risk-list risk-list-repeat">
      <summary>
        <span className="risk-list-repeat-title">{riskList.title}</span>{" "}
        <span className="risk-list-repeat-note">
          {fullCopy.procedureTitle ? `(samma lista som under ${fullCopy.procedureTitle})` : "(samma lista som ovan)"}
        </span>
      </summary>
      {riskList.summary && <p>{riskList.summary}</p>}
      <RiskGroups groups={riskList.groups} />
      <RiskListPageLink slug={riskList.slug} />
    </details>
  );
}
