import crypto from "node:crypto";
import type { ArticleKind } from "@/lib/db/generated/enums";
import type { ArticleBlock, ArticleContent, GlossaryTermContent, ProcedureFacts, RiskItem, RiskListContent } from "./content-schemas";
import { glossaryTermHref } from "./inline-markdown-document";

/**
 * Granskad's own structured copy of the seed article "Injektioner kan hjälpa många typer av
 * ryggsmärtor" (the app never reads the source document at run time). The Swedish wording is the
 * source's, unchanged, including its slips ("Nervblockader stoppa …", "smärta i kotorna disk"): fixing
 * them is an editorial change that goes through review like any other. What is not the source's own
 * text is marked as a judgement below: titles of risk lists (the source heads them all "Risker och
 * biverkningar"), the notes in procedure facts, and each risk's severity and frequency (the source
 * gives a frequency only for the "sällsynta men allvarliga" epidural risks). The seed reviewer's
 * approval covers exactly this text.
 *
 * Page furniture of the source is not content: "Var det här till hjälp?" is the feedback prompt and
 * "Leave a Reply…" the comment form, both rendered by the public page.
 *
 * Every id and key is derived from a name, so a seed run produces the same rows on every install.
 */

const seedNamespace = "06b8f531-8b48-4c08-a607-1373ad8ed33f";

/** A name-based UUID (RFC 9562 version 5: SHA-1 of the seed namespace and the name). */
export function seedUuid(name: string): string {
  const digest = crypto
    .createHash("sha1")
    .update(Buffer.from(seedNamespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const seedLocale = "sv";

export type SeedRiskList = { id: string; slug: string; versionId: string; content: RiskListContent };
export type SeedGlossaryTerm = { id: string; slug: string; versionId: string; content: GlossaryTermContent };
export type SeedArticle = { id: string; slug: string; kind: ArticleKind; versionId: string; content: ArticleContent };

type UnkeyedRiskItem = Omit<RiskItem, "key">;
type UnkeyedRiskGroup = { title?: string; items: UnkeyedRiskItem[] };

function riskList(slug: string, title: string, summary: string | undefined, groups: UnkeyedRiskGroup[]): SeedRiskList {
  return {
    id: seedUuid(`risk-list/${slug}`),
    slug,
    versionId: seedUuid(`risk-list/${slug}/version/1`),
    content: {
      title,
      ...(summary === undefined ? {} : { summary }),
      groups: groups.map((group, groupPosition) => ({
        key: seedUuid(`risk-list/${slug}/group/${groupPosition}`),
        ...(group.title === undefined ? {} : { title: group.title }),
        items: group.items.map((item) => ({ key: seedUuid(`risk-list/${slug}/item/${item.text}`), ...item })),
      })),
    },
  };
}

const risk = (
  text: string,
  severity: RiskItem["severity"],
  frequency: RiskItem["frequency"],
  temporary = false,
): UnkeyedRiskItem => ({ text, severity, frequency, temporary });

// Severity and frequency are the seed author's reading of the source for the seed reviewer to check:
// "tillfälligt/tillfälliga" marks an item temporary; nerve damage, paralysis, stroke, loss of vision,
// brain swelling and seizures are rare and serious (the source says so for the epidural list); where the
// source says nothing about frequency it is UNKNOWN unless the effect is a well-known common one.

export const kortisonRiskList = riskList(
  "biverkningar-av-kortison",
  "Biverkningar av kortison",
  "De flesta rygginjektioner involverar kortison, en kortikosteroid. Biverkningar av kortison kan inkludera:",
  [
    {
      items: [
        risk("tillfälligt ökade blodsockernivåer", "MILD", "COMMON", true),
        risk("rodnad i ansiktet", "MILD", "COMMON"),
        risk("tillfälligt förhöjda blodtrycksnivåer", "MILD", "UNKNOWN", true),
        risk("sömnlöshet", "MILD", "UNKNOWN"),
        risk("ökad aptit", "MILD", "UNKNOWN"),
        risk("binjurebarksvikt", "MODERATE", "RARE"),
      ],
    },
  ],
);

const epiduralRiskList = riskList(
  "epidurala-injektioner-risker",
  "Risker och biverkningar av epidurala steroidinjektioner",
  "Epidurala spinalinjektioner sällan orsaka biverkningar. Sällsynta men allvarliga biverkningar inkluderar:",
  [
    {
      items: [
        risk("nervskada", "SERIOUS", "RARE"),
        risk("hjärnsvullnad", "SERIOUS", "RARE"),
        risk("synförlust", "SERIOUS", "RARE"),
        risk("förlamning", "SERIOUS", "RARE"),
        risk("anfall", "SERIOUS", "RARE"),
        risk("stroke", "SERIOUS", "RARE"),
      ],
    },
  ],
);

const sacroiliacRiskList = riskList(
  "si-ledinjektioner-biverkningar",
  "Risker och biverkningar av SI-ledinjektioner",
  "Biverkningar av SI-ledinjektion kan inkludera:",
  [
    {
      items: [
        risk("tillfälliga svårigheter att bära vikt på benet på den injicerade sidan", "MODERATE", "UNKNOWN", true),
        risk("tillfälliga förändringar i menstruationscykeln", "MILD", "UNKNOWN", true),
        risk("domningar eller svaghet i benen", "MODERATE", "UNKNOWN"),
        risk("infektion", "SERIOUS", "RARE"),
        risk("spolning", "MILD", "COMMON"),
      ],
    },
  ],
);

// The source lists these as conditions to raise with a doctor, not as side effects; they are a risk list
// so that the page shows them where the source does, under "Risker och biverkningar".
const triggerPointPrecautionList = riskList(
  "triggerpunktsinjektioner-forsiktighet",
  "Försiktighet vid triggerpunktsinjektioner",
  "Tala med en läkare före proceduren om något av följande är sant:",
  [
    {
      items: [
        risk("Du har svår fibromyalgi.", "MODERATE", "UNKNOWN"),
        risk("Du har en historia av keloidbildning.", "MODERATE", "UNKNOWN"),
        risk("Du har en psykiatrisk störning som är svår att behandla.", "MODERATE", "UNKNOWN"),
      ],
    },
  ],
);

// The source describes these effects in two sentences rather than a list; those sentences are the
// summary, and the items are the same effects as structured data.
const radiofrequencyRiskList = riskList(
  "radiofrekvensablation-biverkningar",
  "Risker och biverkningar av radiofrekvensablation",
  "Efter radiofrekvensablation kan du känna en solbränningsliknande känsla i området, vilket kan vara känsligt för beröring. Det kan också kännas bedövat.",
  [
    {
      items: [
        risk("solbränningsliknande känsla i området", "MILD", "UNKNOWN"),
        risk("känslighet för beröring", "MILD", "UNKNOWN"),
        risk("domning", "MILD", "UNKNOWN"),
      ],
    },
  ],
);

const nerveBlockRiskList = riskList("nervblockader-biverkningar", "Risker och biverkningar av nervblockader", "Du kan få biverkningar som:", [
  {
    items: [
      risk("domningar runt munnen och läpparna", "MILD", "UNKNOWN"),
      risk("en metallisk smak i munnen", "MILD", "UNKNOWN"),
      risk("perifer nervskada", "SERIOUS", "RARE"),
      risk("högt blodsocker", "MILD", "UNKNOWN"),
      risk("hörselförändringar", "MODERATE", "UNKNOWN"),
      risk("suddig syn", "MODERATE", "UNKNOWN"),
      risk("agitation", "MODERATE", "UNKNOWN"),
      risk("anfall", "SERIOUS", "RARE"),
    ],
  },
  {
    title: "I vissa situationer kan du få biverkningar som involverar ditt hjärta",
    items: [
      risk("lågt blodtryck", "MODERATE", "UNKNOWN"),
      risk("svag pumpverkan", "SERIOUS", "RARE"),
      risk("onormal hjärtrytm", "SERIOUS", "RARE"),
    ],
  },
]);

/** Every seeded risk list; articles reference them, so they are created first. */
export const seedRiskLists: readonly SeedRiskList[] = [
  kortisonRiskList,
  epiduralRiskList,
  sacroiliacRiskList,
  triggerPointPrecautionList,
  radiofrequencyRiskList,
  nerveBlockRiskList,
];

// — Glossary ————————————————————————————————————————————————————————————————————————
// Three medical words of the source explained in plain Swedish (the seed author's wording, for the seed
// reviewer to check), marked where the epidural article first uses them.

function glossaryTerm(slug: string, title: string, forms: string[], explanation: string): SeedGlossaryTerm {
  return { id: seedUuid(`glossary-term/${slug}`), slug, versionId: seedUuid(`glossary-term/${slug}/version/1`), content: { title, forms, explanation } };
}

const epiduralTerm = glossaryTerm(
  "epiduralutrymme",
  "Epiduralutrymme",
  ["epiduralutrymmet", "epiduralrummet", "epidural", "epidurala"],
  "Ett smalt utrymme i ryggen, innanför ryggkotorna och utanför den hinna som omger ryggmärgen och nervrötterna. Läkemedel som sprutas in där når nerverna.",
);
const kortisonTerm = glossaryTerm(
  "kortison",
  "Kortison",
  ["kortisonet", "steroid", "steroider"],
  "Ett läkemedel som dämpar inflammation, alltså svullnad och irritation i kroppens vävnader. Kortison är en sorts steroid.",
);
const nervrotTerm = glossaryTerm(
  "nervrot",
  "Nervrot",
  ["nervroten", "nervrötter", "nervrötterna"],
  "Den del av en nerv som går ut från ryggmärgen mellan två ryggkotor. Om nervroten kläms eller blir irriterad kan det göra ont längre ut, till exempel i benet.",
);

/** Every seeded glossary term; articles mark them, so they are created before the articles. */
export const seedGlossaryTerms: readonly SeedGlossaryTerm[] = [epiduralTerm, kortisonTerm, nervrotTerm];

/** The text marked as the term, in the stored inline format. */
const marked = (term: SeedGlossaryTerm, text: string) => `[${text}](${glossaryTermHref(term.id)})`;

type UnkeyedBlock = ArticleBlock extends infer Block ? (Block extends ArticleBlock ? Omit<Block, "key"> : never) : never;

function article(slug: string, kind: ArticleKind, title: string, blocks: UnkeyedBlock[]): SeedArticle {
  return {
    id: seedUuid(`article/${slug}`),
    slug,
    kind,
    versionId: seedUuid(`article/${slug}/version/1`),
    content: {
      title,
      blocks: blocks.map((block, position) => ({ key: seedUuid(`article/${slug}/block/${position}`), ...block }) as ArticleBlock),
    },
  };
}

const paragraph = (text: string): UnkeyedBlock => ({ type: "PARAGRAPH", text });
const callout = (tone: "info" | "warning", text: string): UnkeyedBlock => ({ type: "CALLOUT", tone, text });
const procedureFacts = (facts: ProcedureFacts): UnkeyedBlock => ({ type: "PROCEDURE_FACTS", facts });
const riskListBlock = (list: SeedRiskList): UnkeyedBlock => ({ type: "RISK_LIST", riskListId: list.id });
const procedureBlock = (procedure: SeedArticle): UnkeyedBlock => ({ type: "PROCEDURE", procedureArticleId: procedure.id });

// In each procedure the bulleted indications are the facts block's `indications`, and the facts block
// stands where the list stood. The sentence that introduced the list ("… kan hjälpa … orsakade av:")
// only announced it, so it is not kept; the facts block gives the indications their own heading.
// "Tala med en läkare …" sentences and the contraindication stay as text (callouts) besides being data.

const epiduralSteroidInjections = article("epidurala-steroidinjektioner", "PROCEDURE", "Epidurala steroidinjektioner", [
  paragraph(
    `Om du upplever nervsmärta, till exempel en klämd nerv, kan en läkare rekommendera en steroid (${marked(kortisonTerm, "kortison")}) injektion i ${marked(epiduralTerm, "epiduralutrymmet")} runt ryggraden. Denna injektion penetrerar flera lager av vävnad och muskler för att nå epiduralutrymmet mellan två kotor.`,
  ),
  paragraph(
    `Epidurala steroidinjektioner inkluderar vanligtvis ett bedövningsmedel för att minska smärtan under din procedur. En läkare kommer att använda kontrastfärg och avbildningstekniker för att säkerställa att kortisonet går exakt där det ska gå. Placeringen av din injektion beror på vilken ${marked(nervrotTerm, "nervrot")} som påverkas.`,
  ),
  procedureFacts({
    medications: ["CORTICOSTEROID", "LOCAL_ANAESTHETIC"],
    medicationNote: "Kortison (en steroid), vanligtvis tillsammans med ett bedövningsmedel",
    imaging: ["CONTRAST_FLUOROSCOPY"],
    imagingNote: "Kontrastfärg och avbildningstekniker",
    indications: ["klämd nerv", "diskbråck", "ischias", "spinal stenos"],
    reliefDuration: "1 vecka till 1 år",
    precautions: ["hjärtsvikt", "diabetes"],
    contraindications: [],
  }),
  paragraph(
    "Epidurala steroidinjektioner kan ge betydande smärtlindring som varar var som helst från 1 vecka till 1 år. Men de “botar” inte ditt tillstånd.",
  ),
  riskListBlock(kortisonRiskList),
  riskListBlock(epiduralRiskList),
  callout(
    "info",
    "Tala med en läkare om din hälsohistoria innan en epidural steroidinjektion, särskilt om du har hjärtsvikt eller diabetes.",
  ),
]);

const facetJointInjections = article("facettledsinjektioner", "PROCEDURE", "Facettledsinjektioner", [
  paragraph(
    "Facettledsinjektioner är en vanlig procedur för personer med smärta som härrör från deras facettleder. En facettled är en led mellan två kotor i din ryggrad. När dessa leder är inflammerade kan de orsaka smärta i rygg, nacke och ben.",
  ),
  paragraph(
    "Facettledsinjektioner inkluderar vanligtvis en steroid som kortison. Läkemedlet injiceras direkt i din led. En läkare kommer att använda ultraljudsundersökning för att säkerställa att medicinen levereras till rätt plats.",
  ),
  procedureFacts({
    medications: ["CORTICOSTEROID"],
    medicationNote: "Vanligtvis en steroid som kortison, injicerad direkt i leden",
    imaging: ["ULTRASOUND"],
    imagingNote: "Ultraljudsundersökning",
    indications: [
      "artros",
      "degenerativ spondylolistes",
      "instabilitet i kotsegmentet",
      "infektion eller inflammation",
      "ankyloserande spondylit",
      "Reumatoid artrit",
      "klämda nerver",
      "Septisk artrit",
      "spinalt trauma",
    ],
    precautions: [],
    contraindications: [],
  }),
  paragraph("Facettledsinjektioner är också en bra metod för att diagnostisera ursprunget till vissa typer av ryggsmärtor."),
  riskListBlock(kortisonRiskList),
]);

const sacroiliacJointInjections = article("sacroiliaca-ledinjektioner", "PROCEDURE", "Sacroiliaca ledinjektioner", [
  paragraph(
    "Smärta i din sacroiliaca (SI) led är en vanlig orsak till smärta i ländryggen. En läkare kan injicera medicin (vanligtvis kortison) direkt i eller runt denna led för att lindra dina symtom. De kommer att använda avbildningstekniker för att styra nålen till rätt plats.",
  ),
  paragraph("SI-ledinjektioner kan ge betydande smärtlindring som varar i flera veckor eller längre."),
  procedureFacts({
    medications: ["CORTICOSTEROID"],
    medicationNote: "Medicin, vanligtvis kortison, direkt i eller runt leden",
    imaging: ["IMAGING_UNSPECIFIED"],
    imagingNote: "Avbildningstekniker styr nålen till rätt plats",
    indications: ["inflammatorisk artrit", "avancerad ålder", "ryggradsoperation", "graviditet", "trauma", "asymmetri i din led"],
    reliefDuration: "flera veckor eller längre",
    precautions: ["diabetes"],
    contraindications: [],
  }),
  riskListBlock(kortisonRiskList),
  riskListBlock(sacroiliacRiskList),
  callout("info", "Tala med en läkare före ingreppet om du har diabetes, eftersom kortison kan påverka dina blodsockernivåer."),
]);

const triggerPointInjections = article("triggerpunktsinjektioner", "PROCEDURE", "Triggerpunktsinjektioner", [
  paragraph(
    "Triggerpunkter är snäva “knutor” i dina muskler som är ömma vid beröring och orsakar smärta som sprider sig till andra områden, som dina armar och ben.",
  ),
  paragraph(
    "Triggerpunktsinjektioner fungerar med andra terapier, såsom muskelavslappnande medel, för att lindra stramhet i hårda eller krampande muskler. Injektioner kan innehålla kortison, som tillfälligt slappnar av dina muskler, vilket gör att mer blod kan nå området. Mer blodflöde främjar läkning och låter din muskel förlängas och sträckas ut.",
  ),
  paragraph(
    "Injektioner kan också innehålla ett bedövningsmedel, botulismtoxin A (Botox) eller en kombination av mediciner. En läkare kan också rekommendera dry needling, en procedur där ingen medicin injiceras i din muskel.",
  ),
  paragraph(
    "Triggerpunktsinjektioner kan vara effektiva, men resultaten är tillfälliga. Effekterna kan förlängas med stretchövningar och andra terapier.",
  ),
  // The source names no imaging and has no bulleted indications for trigger points.
  procedureFacts({
    medications: ["CORTICOSTEROID", "LOCAL_ANAESTHETIC", "BOTULINUM_TOXIN", "NONE"],
    medicationNote: "Kortison, ett bedövningsmedel, botulismtoxin A (Botox) eller en kombination; vid dry needling injiceras ingen medicin",
    imaging: [],
    indications: [],
    reliefDuration: "tillfällig",
    precautions: ["svår fibromyalgi", "en historia av keloidbildning", "en psykiatrisk störning som är svår att behandla"],
    contraindications: [],
  }),
  riskListBlock(kortisonRiskList),
  riskListBlock(triggerPointPrecautionList),
]);

const radiofrequencyAblation = article("radiofrekvensablation", "PROCEDURE", "Radiofrekvensablation", [
  paragraph(
    "Radiofrekvensablation förstör vävnad nära eller på nervrötter som kommer ut ur ryggmärgen. Detta fungerar för att minska eller avbryta smärtsignaler.",
  ),
  // The source names neither a medication nor imaging for ablation, nor a duration of relief
  // ("olika grader av smärtlindring" is not one).
  procedureFacts({
    medications: [],
    imaging: [],
    indications: [
      "smärta i kotorna disk",
      "utstrålande ryggsmärtor",
      "fasett ledvärk",
      "SI smärta",
      "bröstsmärta",
      "bäckensmärta",
      "smärta i ansiktet",
      "huvudvärk",
    ],
    precautions: [],
    contraindications: ["ökat tryck i hjärnan"],
  }),
  paragraph(
    "Forskning om effektiviteten av radiofrekvensablation är begränsad, men fallstudier och observationsrapporter har visat gynnsamma resultat. Beroende på typ av radiofrekvensbehandling och smärtplats kan det finnas olika grader av smärtlindring.",
  ),
  riskListBlock(radiofrequencyRiskList),
  callout("warning", "Radiofrekvensablation rekommenderas inte om du har ökat tryck i hjärnan."),
]);

const nerveBlocks = article("nervblockader", "PROCEDURE", "Nervblockader", [
  paragraph(
    "Nervblockader stoppa överföringen av nervimpulser, vilket hindrar smärtsignaler från att nå din hjärna. De används vanligtvis i stället för ett bedövningsmedel för procedurer på dina armar och ben. Men de kan också användas, med olika tekniker, för att behandla kronisk smärta.",
  ),
  paragraph(
    "Läkare kan rekommendera en nervblockad i vissa situationer, till exempel för att kontrollera smärta hos personer med demens eller förvirring. Det är också ett alternativ för personer som inte svarar på eller inte kan tolerera orala smärtstillande läkemedel.",
  ),
  // The source names no medication (a clinician would say local anaesthetic; that is for a reviewed
  // edit to add), no imaging, no bulleted indications and no duration of relief.
  procedureFacts({ medications: [], imaging: [], indications: [], precautions: [], contraindications: [] }),
  riskListBlock(nerveBlockRiskList),
]);

/** The six procedures, in the order the source presents them. */
export const seedProcedureArticles: readonly SeedArticle[] = [
  epiduralSteroidInjections,
  facetJointInjections,
  sacroiliacJointInjections,
  triggerPointInjections,
  radiofrequencyAblation,
  nerveBlocks,
];

export const seedOverviewArticle: SeedArticle = article(
  "injektioner-mot-ryggsmarta",
  "OVERVIEW",
  "Injektioner kan hjälpa många typer av ryggsmärtor",
  [
    paragraph(
      "Rygginjektioner kan ge betydande smärtlindring för vissa människor. Läkare riktar in sig på specifika platser i ryggraden och musklerna för att ge den mest effektiva smärtlindringen.",
    ),
    paragraph(
      "Om du har ryggsmärtor som inte svarar på vanliga behandlingar, kan en läkare eller sjukvårdspersonal rekommendera en injektion. Det finns olika typer av injektioner, men de flesta involverar kortison. Kortison är en kortikosteroidmedicin som hjälper till att minska inflammation i riktade områden som dina ryggradsdiskar, leder och senor.",
    ),
    paragraph(
      "Andra vanliga rygginjektioner inkluderar triggerpunktsinjektioner, som riktar sig mot spasmande muskler och nervblockader. En injektion i ryggen kan lindra smärta snabbt, men effekterna är vanligtvis övergående.",
    ),
    paragraph(
      "Spinalinjektioner används för att både diagnostisera och behandla ryggsmärtor. Om du får en injektion av diagnostiska skäl, beror det förmodligen på att en läkare försöker identifiera den exakta nerven eller disken som ligger till grund för din smärta. Efter att ha identifierat källan till din smärta kan en läkare erbjuda mer riktade behandlingsalternativ.",
    ),
    callout("warning", "Alla procedurer innebär en viss risk, som smärta eller infektion på injektionsstället."),
    paragraph("Fortsätt läsa för att lära dig mer om de olika typerna av injektioner, hur de kan hjälpa din ryggsmärta och riskerna."),
    ...seedProcedureArticles.map(procedureBlock),
    {
      type: "KEY_TAKEAWAYS",
      title: "Viktiga takeaways",
      items: [
        "Olika injektioner används för att behandla ryggsmärtor, beroende på typen och orsaken till din smärta.",
        "Injektioner som innehåller steroider som kortison är vanliga. Smärtlindring kan pågå från dagar till veckor.",
        "Det finns risker förknippade med alla procedurer. Prata med en läkare om riskerna kontra fördelarna.",
      ],
    },
    // The source's "Veta mer" heading has no links under it; the block is kept, empty, so editors add
    // sources in a reviewed version rather than inventing them here.
    { type: "REFERENCES", title: "Veta mer", items: [] },
  ],
);

/** Every seeded article in creation order: procedures before the overview that includes them. */
export const seedArticles: readonly SeedArticle[] = [...seedProcedureArticles, seedOverviewArticle];
