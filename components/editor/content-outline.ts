import type { ArticleBlock, ArticleContent, GlossaryTermContent, RiskListContent } from "@/lib/content/content-schemas";
import { blockTypeLabels, calloutToneLabels, contentFieldLabels, frequencyLabels, glossaryFieldLabels, headingLevelLabels, imagingLabels, medicationLabels, procedureFactLabels, severityLabels } from "@/lib/labels/sv";

/**
 * One labelled line of a readable rendering of a draft. `formatted` lines are paragraph or callout text
 * in the stored Markdown subset, shown with their formatting rather than their markup.
 */
export type OutlineLine = { label: string; text: string; formatted?: true };

/** Names of referenced items, so that a reference reads as a title rather than an id. */
export type ReferenceTitles = Record<string, string>;

/** A block as text, one line per part; paragraph and callout text in the stored Markdown subset. */
export function blockText(block: ArticleBlock, titles: ReferenceTitles): string {
  switch (block.type) {
    case "HEADING":
      return `(${headingLevelLabels[block.level].toLowerCase()}) ${block.text}`;
    case "PARAGRAPH":
      return block.text;
    case "BULLET_LIST":
      return [block.intro, ...block.items.map((item) => `• ${item}`)].filter(Boolean).join("\n");
    case "CALLOUT":
      return [calloutToneLabels[block.tone], block.title, block.text].filter(Boolean).join(": ");
    case "PROCEDURE_FACTS": {
      const { facts } = block;
      return [
        `${procedureFactLabels.medications}: ${facts.medications.map((medication) => medicationLabels[medication]).join(", ") || "–"}${facts.medicationNote ? ` (${facts.medicationNote})` : ""}`,
        `${procedureFactLabels.imaging}: ${facts.imaging.map((imaging) => imagingLabels[imaging]).join(", ") || "–"}${facts.imagingNote ? ` (${facts.imagingNote})` : ""}`,
        `${procedureFactLabels.indications}: ${facts.indications.join("; ") || "–"}`,
        `${procedureFactLabels.reliefDuration}: ${facts.reliefDuration ?? "–"}`,
        `${procedureFactLabels.precautions}: ${facts.precautions.join("; ") || "–"}`,
        `${procedureFactLabels.contraindications}: ${facts.contraindications.join("; ") || "–"}`,
      ].join("\n");
    }
    case "RISK_LIST":
      return titles[block.riskListId] ?? block.riskListId;
    case "PROCEDURE":
      return titles[block.procedureArticleId] ?? block.procedureArticleId;
    case "KEY_TAKEAWAYS":
      return [block.title, ...block.items.map((item) => `• ${item}`)].filter(Boolean).join("\n");
    case "REFERENCES":
      return [block.title, ...block.items.map((item) => `• ${item.title}${item.url ? ` <${item.url}>` : ""}`)].filter(Boolean).join("\n");
  }
}

/** A draft as labelled lines of text, for showing two versions side by side in a conflict. */
export function contentOutline(content: ArticleContent | RiskListContent | GlossaryTermContent, titles: ReferenceTitles = {}): OutlineLine[] {
  if ("explanation" in content) {
    return [
      { label: glossaryFieldLabels.title, text: content.title },
      { label: glossaryFieldLabels.explanation, text: content.explanation },
      { label: glossaryFieldLabels.forms, text: content.forms.join(", ") || "–" },
    ];
  }
  const head = [{ label: contentFieldLabels.title, text: content.title }, { label: contentFieldLabels.summary, text: content.summary ?? "–" }];
  if ("blocks" in content) {
    return [
      ...head,
      ...content.blocks.map((block, index) => ({
        label: `${index + 1}. ${blockTypeLabels[block.type]}`,
        text: blockText(block, titles),
        ...(block.type === "PARAGRAPH" || block.type === "CALLOUT" ? { formatted: true as const } : {}),
      })),
    ];
  }
  return [
    ...head,
    ...content.groups.map((group, index) => ({
      label: `Grupp ${index + 1}${group.title ? `: ${group.title}` : ""}`,
      text: group.items
        .map((item) => `• ${item.text} (${[severityLabels[item.severity], frequencyLabels[item.frequency], item.temporary ? "övergående" : null].filter(Boolean).join(", ")})`)
        .join("\n"),
    })),
  ];
}
