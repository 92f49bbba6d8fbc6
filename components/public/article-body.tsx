import Link from "next/link";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { publicArticlePath, type PublicBlock, type PublishedGlossaryEntry } from "@/lib/content/public-content";
import {
  blockAnchorId,
  keyTakeawaysTitle,
  occurrenceKey,
  procedureSectionId,
  referencesTitle,
  repeatedRiskLists,
  riskListSectionId,
  type FullRiskList,
} from "./article-outline";
import { Heading, nextHeadingLevel, type HeadingLevel } from "./heading";
import { InlineMarkdown } from "./inline-markdown";
import { ProcedureFactsList } from "./procedure-facts";
import { ReviewLine } from "./review-metadata";
import { RepeatedRiskList, RiskListSection } from "./risk-list";

/**
 * The heading level of each block that has a heading, so that the page outline has no gaps wherever
 * the body sits: a HEADING block's level is relative to the enclosing section, a risk list or an
 * embedded procedure nests under the heading before it, and key takeaways and references are sections
 * of their own at the top of the body.
 */
function withHeadingLevels(blocks: PublicBlock[], sectionLevel: HeadingLevel): { block: PublicBlock; level: HeadingLevel }[] {
  let current = sectionLevel;
  return blocks.map((block) => {
    switch (block.type) {
      case "HEADING":
        current = Math.min(sectionLevel - 1 + block.level, 6) as HeadingLevel;
        return { block, level: current };
      case "KEY_TAKEAWAYS":
      case "REFERENCES":
        current = nextHeadingLevel(sectionLevel);
        return { block, level: current };
      default:
        return { block, level: nextHeadingLevel(current) };
    }
  });
}

type TextBlock<Type extends ArticleBlock["type"]> = Extract<ArticleBlock, { type: Type }>;

function BulletList({ block }: { block: TextBlock<"BULLET_LIST"> }) {
  return (
    <>
      {block.intro && <p>{block.intro}</p>}
      <ul>
        {block.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function Callout({ block, glossary }: { block: TextBlock<"CALLOUT">; glossary: Glossary }) {
  // The tone is said in words as well as shown in colour.
  const title = block.title ?? (block.tone === "warning" ? "Observera" : undefined);
  return (
    <div className={`callout callout-${block.tone}`} role="note">
      {title && (
        <p className="callout-title">
          <strong>{title}</strong>
        </p>
      )}
      <InlineMarkdown text={block.text} glossary={glossary} />
    </div>
  );
}

function KeyTakeaways({ block, level, id }: { block: TextBlock<"KEY_TAKEAWAYS">; level: HeadingLevel; id: string }) {
  return (
    <section className="key-takeaways" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {block.title ?? keyTakeawaysTitle}
      </Heading>
      <ul>
        {block.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function References({ block, level, id }: { block: TextBlock<"REFERENCES">; level: HeadingLevel; id: string }) {
  // A heading over no sources would promise what the page does not give.
  if (block.items.length === 0) return null;
  return (
    <section className="references" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {block.title ?? referencesTitle}
      </Heading>
      <ol>
        {block.items.map((item, index) => (
          <li key={index}>{item.url ? <a href={item.url}>{item.title}</a> : item.title}</li>
        ))}
      </ol>
    </section>
  );
}

type Glossary = ReadonlyMap<string, PublishedGlossaryEntry>;

/**
 * Which risk lists on the page repeat one shown in full earlier, where the block being rendered stands,
 * and the published glossary entries its marked terms link to.
 */
type PageContext = { repeats: Map<string, FullRiskList>; procedureKey: string | null; glossary: Glossary };

/**
 * A procedure embedded in an overview: a section that can be linked to (its slug is the anchor), headed by
 * a link to the procedure's own page, with its own review.
 */
function ProcedureSection({ block, level, page }: { block: Extract<PublicBlock, { type: "PROCEDURE" }>; level: HeadingLevel; page: PageContext }) {
  const { procedure } = block;
  const id = procedureSectionId(procedure.slug);
  return (
    <section className="procedure" id={id} aria-labelledby={`${id}-rubrik`}>
      <Heading level={level} id={`${id}-rubrik`}>
        <Link href={publicArticlePath(procedure.slug)}>{procedure.title}</Link>
      </Heading>
      <ReviewLine review={procedure.review} />
      <Blocks blocks={procedure.blocks} sectionLevel={level} page={{ ...page, procedureKey: block.key }} />
    </section>
  );
}

function Block({ block, level, page }: { block: PublicBlock; level: HeadingLevel; page: PageContext }) {
  const id = blockAnchorId(block.key);
  switch (block.type) {
    case "HEADING":
      return (
        <Heading level={level} id={id}>
          {block.text}
        </Heading>
      );
    case "PARAGRAPH":
      return <InlineMarkdown text={block.text} glossary={page.glossary} />;
    case "BULLET_LIST":
      return <BulletList block={block} />;
    case "CALLOUT":
      return <Callout block={block} glossary={page.glossary} />;
    case "PROCEDURE_FACTS":
      return <ProcedureFactsList facts={block.facts} />;
    case "RISK_LIST": {
      const fullCopy = page.repeats.get(occurrenceKey(page.procedureKey, block.key));
      if (fullCopy) return <RepeatedRiskList riskList={block.riskList} fullCopy={fullCopy} />;
      return <RiskListSection riskList={block.riskList} headingLevel={level} id={riskListSectionId(block.riskList.slug)} />;
    }
    case "PROCEDURE":
      return <ProcedureSection block={block} level={level} page={page} />;
    case "KEY_TAKEAWAYS":
      return <KeyTakeaways block={block} level={level} id={id} />;
    case "REFERENCES":
      return <References block={block} level={level} id={id} />;
  }
}

function Blocks({ blocks, sectionLevel, page }: { blocks: PublicBlock[]; sectionLevel: HeadingLevel; page: PageContext }) {
  return (
    <>
      {withHeadingLevels(blocks, sectionLevel).map(({ block, level }) => (
        <Block key={block.key} block={block} level={level} page={page} />
      ))}
    </>
  );
}

/**
 * The blocks of a published article in order; `sectionLevel` is the level of the heading they sit under.
 * A risk list that several procedures on the page show is shown in full where it first appears and
 * collapsed (in `<details>`, which works without JavaScript) where it repeats.
 */
export function ArticleBody({ blocks, sectionLevel, glossary = [] }: { blocks: PublicBlock[]; sectionLevel: HeadingLevel; glossary?: PublishedGlossaryEntry[] }) {
  const terms = new Map(glossary.map((entry) => [entry.id, entry]));
  return <Blocks blocks={blocks} sectionLevel={sectionLevel} page={{ repeats: repeatedRiskLists(blocks), procedureKey: null, glossary: terms }} />;
}
