import Link from "next/link";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import { publicArticlePath, type PublicBlock, type PublishedProcedure } from "@/lib/content/public-content";
import { Heading, nextHeadingLevel, type HeadingLevel } from "./heading";
import { InlineMarkdown } from "./inline-markdown";
import { ProcedureFactsList } from "./procedure-facts";
import { ReviewLine } from "./review-metadata";
import { RiskListSection } from "./risk-list";

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

function Callout({ block }: { block: TextBlock<"CALLOUT"> }) {
  // The tone is said in words as well as shown in colour.
  const title = block.title ?? (block.tone === "warning" ? "Observera" : undefined);
  return (
    <div className={`callout callout-${block.tone}`} role="note">
      {title && (
        <p className="callout-title">
          <strong>{title}</strong>
        </p>
      )}
      <InlineMarkdown text={block.text} />
    </div>
  );
}

function KeyTakeaways({ block, level, id }: { block: TextBlock<"KEY_TAKEAWAYS">; level: HeadingLevel; id: string }) {
  return (
    <section className="key-takeaways" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {block.title ?? "Viktiga punkter"}
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
        {block.title ?? "Källor"}
      </Heading>
      <ol>
        {block.items.map((item, index) => (
          <li key={index}>{item.url ? <a href={item.url}>{item.title}</a> : item.title}</li>
        ))}
      </ol>
    </section>
  );
}

/** A procedure embedded in an overview: a section headed by a link to the procedure's own page. */
function ProcedureSection({ procedure, level, id }: { procedure: PublishedProcedure; level: HeadingLevel; id: string }) {
  return (
    <section className="procedure" aria-labelledby={id}>
      <Heading level={level} id={id}>
        <Link href={publicArticlePath(procedure.slug)}>{procedure.title}</Link>
      </Heading>
      <ReviewLine review={procedure.review} />
      <ArticleBody blocks={procedure.blocks} sectionLevel={level} />
    </section>
  );
}

function Block({ block, level }: { block: PublicBlock; level: HeadingLevel }) {
  const id = `block-${block.key}`;
  switch (block.type) {
    case "HEADING":
      return (
        <Heading level={level} id={id}>
          {block.text}
        </Heading>
      );
    case "PARAGRAPH":
      return <InlineMarkdown text={block.text} />;
    case "BULLET_LIST":
      return <BulletList block={block} />;
    case "CALLOUT":
      return <Callout block={block} />;
    case "PROCEDURE_FACTS":
      return <ProcedureFactsList facts={block.facts} />;
    case "RISK_LIST":
      return <RiskListSection riskList={block.riskList} headingLevel={level} id={id} />;
    case "PROCEDURE":
      return <ProcedureSection procedure={block.procedure} level={level} id={id} />;
    case "KEY_TAKEAWAYS":
      return <KeyTakeaways block={block} level={level} id={id} />;
    case "REFERENCES":
      return <References block={block} level={level} id={id} />;
  }
}

/** The blocks of a published article in order; `sectionLevel` is the level of the heading they sit under. */
export function ArticleBody({ blocks, sectionLevel }: { blocks: PublicBlock[]; sectionLevel: HeadingLevel }) {
  return (
    <>
      {withHeadingLevels(blocks, sectionLevel).map(({ block, level }) => (
        <Block key={block.key} block={block} level={level} />
      ))}
    </>
  );
}
