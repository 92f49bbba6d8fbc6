import type { ArticleKind, ImagingGuidance, Medication, RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";
import type { ArticleBlock, ArticleContent, RiskGroup, RiskListContent } from "@/lib/content/content-schemas";
import { seedUuid } from "@/lib/content/seed-content";

/**
 * The benchmark's synthetic corpus: deterministic Swedish-like articles and risk lists, generated one
 * version at a time so that 20,000 versions never sit in memory together. The same index and version
 * number always give the same content and ids, so an interrupted load can resume and a second run
 * reads exactly the corpus the first one wrote.
 */

export type CorpusShape = { articles: number; versionsPerArticle: number; riskLists: number; versionsPerRiskList: number };

export const defaultCorpusShape: CorpusShape = { articles: 1000, versionsPerArticle: 20, riskLists: 200, versionsPerRiskList: 3 };

/** Every tenth article is an overview that embeds the two procedure articles after it. */
const overviewEvery = 10;

export type CorpusItem = { index: number; id: string; slug: string };
export type CorpusArticle = CorpusItem & { kind: ArticleKind };
export type CorpusVersion<Content> = { id: string; number: number; content: Content };

const words = [
  "ryggen", "smärtan", "injektionen", "nerven", "leden", "kotan", "disken", "behandlingen", "läkaren", "patienten",
  "bedövningen", "kortisonet", "inflammationen", "rörligheten", "vardagen", "sjukgymnastiken", "undersökningen",
  "röntgen", "ultraljudet", "nålen", "huden", "muskeln", "svullnaden", "effekten", "veckorna", "månaderna",
  "kan", "ska", "brukar", "minskar", "lindrar", "påverkar", "hjälper", "ger", "känns", "varar", "följer", "visar",
  "ofta", "ibland", "sällan", "snabbt", "försiktigt", "tillfälligt", "tydligt", "gradvis", "efteråt", "innan",
  "och", "men", "eller", "för", "med", "utan", "efter", "under", "hos", "vid", "mot", "i", "på", "av", "som",
  "lätt", "stark", "lokal", "kronisk", "akut", "mild", "vanlig", "ovanlig", "säker", "liten", "långvarig",
];
/** Slugs are a–z only (the database's slug rule). */
const slugWords = ["rygg", "nacke", "landrygg", "facett", "epidural", "nervrot", "sakroiliakal", "disk", "kota", "led"];

/** mulberry32: a small deterministic generator, seeded per article version so each version stands alone. */
function randomFrom(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number, length: number): string {
  const text = Array.from({ length }, () => pick(random, words)).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function sentences(random: () => number, count: number): string {
  return Array.from({ length: count }, () => sentence(random, 6 + Math.floor(random() * 10))).join(" ");
}

export function corpusArticle(index: number): CorpusArticle {
  const kind: ArticleKind = index % overviewEvery === 0 ? "OVERVIEW" : "PROCEDURE";
  const prefix = kind === "OVERVIEW" ? "oversikt" : "ingrepp";
  return {
    index,
    id: seedUuid(`bench/article/${index}`),
    slug: `bench-${prefix}-${slugWords[index % slugWords.length]}-${index}`,
    kind,
  };
}

export function corpusRiskList(index: number): CorpusItem {
  return { index, id: seedUuid(`bench/risk-list/${index}`), slug: `bench-risker-${slugWords[index % slugWords.length]}-${index}` };
}

export function corpusVersionId(item: CorpusItem, number: number): string {
  return seedUuid(`bench/${item.id}/version/${number}`);
}

/** Block keys stay the same across an article's versions, as an editor's revisions keep them. */
function blockKey(article: CorpusArticle, slot: string): string {
  return seedUuid(`bench/article/${article.index}/block/${slot}`);
}

const medications: Medication[] = ["CORTICOSTEROID", "LOCAL_ANAESTHETIC", "BOTULINUM_TOXIN"];
const imaging: ImagingGuidance[] = ["CONTRAST_FLUOROSCOPY", "ULTRASOUND", "IMAGING_UNSPECIFIED"];

function procedureBlocks(shape: CorpusShape, article: CorpusArticle, random: () => number): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  // Every other procedure carries structured facts; every procedure refers to one or two risk lists.
  if (article.index % 2 === 1) {
    blocks.push({
      key: blockKey(article, "facts"),
      type: "PROCEDURE_FACTS",
      facts: {
        medications: [...new Set<Medication>([pick(random, medications), "LOCAL_ANAESTHETIC"])],
        medicationNote: sentence(random, 6),
        imaging: [pick(random, imaging)],
        indications: Array.from({ length: 3 }, () => sentence(random, 5)),
        reliefDuration: `${2 + Math.floor(random() * 10)} veckor till några månader`,
        precautions: Array.from({ length: 2 }, () => sentence(random, 7)),
        contraindications: Array.from({ length: 2 }, () => sentence(random, 6)),
      },
    });
  }
  blocks.push({ key: blockKey(article, "risks-1"), type: "RISK_LIST", riskListId: corpusRiskList(article.index % shape.riskLists).id });
  if (article.index % 3 === 0) {
    blocks.push({ key: blockKey(article, "risks-2"), type: "RISK_LIST", riskListId: corpusRiskList((article.index * 7 + 3) % shape.riskLists).id });
  }
  return blocks;
}

function overviewBlocks(shape: CorpusShape, article: CorpusArticle): ArticleBlock[] {
  return [1, 2]
    .filter((offset) => article.index + offset < shape.articles)
    .map((offset) => ({ key: blockKey(article, `procedure-${offset}`), type: "PROCEDURE" as const, procedureArticleId: corpusArticle(article.index + offset).id }));
}

/** Version `number` (1-based) of an article: the text drifts from version to version, the block keys do not. */
export function corpusArticleVersion(shape: CorpusShape, article: CorpusArticle, number: number): CorpusVersion<ArticleContent> {
  const random = randomFrom(`${article.id}/${number}`);
  const title = `${sentence(random, 4).slice(0, -1)} (${article.index})`;
  const content: ArticleContent = {
    title,
    summary: sentences(random, 2),
    blocks: [
      { key: blockKey(article, "intro"), type: "PARAGRAPH", text: `${sentences(random, 4)} Läs mer hos **din vårdcentral** eller på [1177](https://www.1177.se).` },
      { key: blockKey(article, "heading-1"), type: "HEADING", level: 2, text: sentence(random, 4).slice(0, -1) },
      { key: blockKey(article, "body-1"), type: "PARAGRAPH", text: sentences(random, 6) },
      { key: blockKey(article, "list"), type: "BULLET_LIST", intro: sentence(random, 5), items: Array.from({ length: 4 }, () => sentence(random, 6)) },
      ...(article.kind === "OVERVIEW" ? overviewBlocks(shape, article) : procedureBlocks(shape, article, random)),
      { key: blockKey(article, "callout"), type: "CALLOUT", tone: number % 2 === 0 ? "info" : "warning", title: sentence(random, 3), text: sentences(random, 2) },
      { key: blockKey(article, "heading-2"), type: "HEADING", level: 3, text: sentence(random, 3).slice(0, -1) },
      { key: blockKey(article, "body-2"), type: "PARAGRAPH", text: sentences(random, 5) },
      { key: blockKey(article, "takeaways"), type: "KEY_TAKEAWAYS", title: "Att komma ihåg", items: Array.from({ length: 3 }, () => sentence(random, 6)) },
      {
        key: blockKey(article, "references"),
        type: "REFERENCES",
        items: [{ title: "Socialstyrelsen: Nationella riktlinjer för rörelseorganens sjukdomar", url: "https://www.socialstyrelsen.se" }, { title: sentence(random, 5) }],
      },
    ],
  };
  return { id: corpusVersionId(article, number), number, content };
}

const severities: RiskSeverity[] = ["MILD", "MODERATE", "SERIOUS"];
const frequencies: RiskFrequency[] = ["COMMON", "UNCOMMON", "RARE", "UNKNOWN"];

export function corpusRiskListVersion(list: CorpusItem, number: number): CorpusVersion<RiskListContent> {
  const random = randomFrom(`${list.id}/${number}`);
  const groups: RiskGroup[] = [0, 1, 2].map((group) => ({
    key: seedUuid(`bench/risk-list/${list.index}/group/${group}`),
    ...(group === 0 ? {} : { title: sentence(random, 8) }),
    items: Array.from({ length: 4 + group }, (_, item) => ({
      key: seedUuid(`bench/risk-list/${list.index}/group/${group}/item/${item}`),
      text: sentence(random, 7),
      severity: pick(random, severities),
      frequency: pick(random, frequencies),
      temporary: random() < 0.5,
    })),
  }));
  return { id: corpusVersionId(list, number), number, content: { title: `Risker: ${sentence(random, 3).slice(0, -1)} (${list.index})`, summary: sentence(random, 9), groups } };
}

/** The overview the benchmark reads as its article page: it embeds two procedures and their risk lists. */
export function benchmarkArticle(): CorpusArticle {
  return corpusArticle(0);
}
