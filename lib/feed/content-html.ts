import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { ApiArticleBlock, ApiGlossaryEntry, ApiProcedureBodyBlock } from "@/lib/api/api-schemas";
import { glossaryTermIdOf } from "@/lib/content/inline-markdown-document";
import type { ProcedureFacts, RiskGroup } from "@/lib/content/content-schemas";
import {
  glossaryTitle,
  imagingLabels,
  medicationLabels,
  procedureFactLabels,
  riskFrequencyLabels,
  riskSeverityLabels,
  temporaryRiskLabel,
} from "@/lib/labels/sv";

/**
 * An article's body as HTML for the feed's `content_html`. The body is built as a Markdown syntax tree:
 * plain-text fields (headings, list items, facts, risks) become text nodes, so nothing in them is read
 * as markup, and paragraph and callout text is parsed as the Markdown subset the public pages allow
 * (emphasis, strong, links). The tree is turned into HTML without raw HTML and then sanitised to a small
 * allow-list, with links restricted to http(s).
 */

const sanitizeSchema = {
  ...defaultSchema,
  tagNames: ["h2", "h3", "h4", "h5", "h6", "p", "em", "strong", "a", "ul", "ol", "li"],
  attributes: { a: ["href"] },
  protocols: { href: ["http", "https"] },
  clobberPrefix: "",
};

const markdownParser = unified().use(remarkParse);
const htmlProcessor = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

function text(value: string): PhrasingContent {
  return { type: "text", value };
}

function paragraph(children: PhrasingContent[]): BlockContent {
  return { type: "paragraph", children };
}

type HeadingDepth = 2 | 3 | 4 | 5 | 6;

/** Body headings start at h2 (the item's title is the h1) and stop at h6. */
function heading(depth: number, value: string): BlockContent {
  return { type: "heading", depth: Math.min(depth, 6) as HeadingDepth, children: [text(value)] };
}

function list(items: PhrasingContent[][], ordered = false): List {
  const children: ListItem[] = items.map((item) => ({ type: "listItem", spread: false, children: [paragraph(item)] }));
  return { type: "list", ordered, spread: false, children };
}

/** A marked glossary term (a term: link) is its text here; its explanation is in the glossary at the end. */
function withoutTermLinks(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === "link" && glossaryTermIdOf(node.url) !== null) return withoutTermLinks(node.children);
    if ("children" in node && Array.isArray(node.children)) return [{ ...node, children: withoutTermLinks(node.children as PhrasingContent[]) } as PhrasingContent];
    return [node];
  });
}

/** The paragraphs of a Markdown-subset text; anything else the parser finds (headings, lists, HTML) is left out. */
function markdownParagraphs(value: string): BlockContent[] {
  return markdownParser
    .parse(value)
    .children.filter((node) => node.type === "paragraph")
    .map((node) => paragraph(withoutTermLinks(node.children)));
}

/** The explained terms as a section at the end, as the public page shows them. */
function glossaryNodes(glossary: readonly ApiGlossaryEntry[]): BlockContent[] {
  if (glossary.length === 0) return [];
  return [heading(2, glossaryTitle), list(glossary.map((entry) => [{ type: "strong", children: [text(entry.term)] }, text(`: ${entry.explanation}`)]))];
}

function procedureFactsNodes(facts: ProcedureFacts): BlockContent[] {
  const entries: [string, string[]][] = [
    [procedureFactLabels.medications, [facts.medications.map((medication) => medicationLabels[medication]).join(", "), facts.medicationNote ?? ""]],
    [procedureFactLabels.imaging, [facts.imaging.map((guidance) => imagingLabels[guidance]).join(", "), facts.imagingNote ?? ""]],
    [procedureFactLabels.indications, facts.indications],
    [procedureFactLabels.reliefDuration, facts.reliefDuration ? [facts.reliefDuration] : []],
    [procedureFactLabels.precautions, facts.precautions],
    [procedureFactLabels.contraindications, facts.contraindications],
  ];
  const items = entries
    .map(([term, values]) => [term, values.filter((value) => value !== "")] as const)
    .filter(([, values]) => values.length > 0)
    .map(([term, values]) => [{ type: "strong", children: [text(term)] } as PhrasingContent, text(`: ${values.join("; ")}`)]);
  return items.length ? [list(items)] : [];
}

function riskText(item: RiskGroup["items"][number]): string {
  const qualifiers = [riskFrequencyLabels[item.frequency], riskSeverityLabels[item.severity], item.temporary ? temporaryRiskLabel : null];
  const words = qualifiers.filter((qualifier): qualifier is string => qualifier !== null);
  return words.length ? `${item.text} (${words.join(", ")})` : item.text;
}

function riskGroupsNodes(groups: RiskGroup[], depth: number): BlockContent[] {
  return groups.flatMap((group) => [
    ...(group.title ? [heading(depth, group.title)] : []),
    list(group.items.map((item) => [text(riskText(item))])),
  ]);
}

function blockNodes(block: ApiArticleBlock | ApiProcedureBodyBlock, depth: number): BlockContent[] {
  const sub = depth + 1;
  switch (block.type) {
    case "HEADING":
      return [heading(depth + block.level - 2, block.text)];
    case "PARAGRAPH":
      return markdownParagraphs(block.text);
    case "BULLET_LIST":
      return [...(block.intro ? [paragraph([text(block.intro)])] : []), list(block.items.map((item) => [text(item)]))];
    case "CALLOUT": {
      const title = block.title ?? (block.tone === "warning" ? "Observera" : undefined);
      return [...(title ? [paragraph([{ type: "strong", children: [text(title)] }])] : []), ...markdownParagraphs(block.text)];
    }
    case "PROCEDURE_FACTS":
      return procedureFactsNodes(block.facts);
    case "RISK_LIST":
      return [heading(sub, block.riskList.title), ...riskGroupsNodes(block.riskList.groups, sub + 1)];
    case "PROCEDURE":
      return [
        heading(sub, block.procedure.title),
        ...block.procedure.blocks.flatMap((inner) => blockNodes(inner, sub)),
      ];
    case "KEY_TAKEAWAYS":
      return [heading(depth, block.title ?? "Viktiga punkter"), list(block.items.map((item) => [text(item)]))];
    case "REFERENCES":
      if (block.items.length === 0) return [];
      return [
        heading(depth, block.title ?? "Källor"),
        list(
          block.items.map((item) => [item.url ? { type: "link", url: item.url, children: [text(item.title)] } : text(item.title)]),
          true,
        ),
      ];
  }
}

export function articleContentHtml(blocks: ApiArticleBlock[], glossary: readonly ApiGlossaryEntry[] = []): string {
  const tree: Root = { type: "root", children: [...blocks.flatMap((block) => blockNodes(block, 2)), ...glossaryNodes(glossary)] as RootContent[] };
  return htmlProcessor.stringify(htmlProcessor.runSync(tree));
}
