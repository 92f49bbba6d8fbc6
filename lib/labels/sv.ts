import type { AuditAction, AuditEntityType } from "@/lib/audit/record-audit-event";
import type { ArticleBlock } from "@/lib/content/content-schemas";
import type { ClinicalReason } from "@/lib/content/change-kind";
import type {
  ArticleKind,
  ChangeKind,
  CommentStatus,
  DeliveryStatus,
  ImagingGuidance,
  Medication,
  NotificationDelivery,
  NotificationKind,
  ReviewDecisionKind,
  RiskFrequency,
  RiskSeverity,
  Role,
  VersionStatus,
  WebhookEvent,
} from "@/lib/db/generated/enums";
import type { ItemKind } from "@/lib/items/item";
import type { LixBand } from "@/lib/readability/lix";

/**
 * Granskad in Swedish: every name the admin, the public pages and the feed show for a status, a role, an
 * action, a kind or a choice of the content model is written once, here, and every date is formatted here.
 * The `Record<…>` types make a new status, role or kind without its name a compile error.
 */

// — Review checklist ——————————————————————————————————————————————————————————

/** The whole-page checklist a reviewer confirms with an approval or re-attestation. */
export const reviewChecklistLabels = {
  sourcesChecked: "Det kliniska innehållet är kontrollerat mot de angivna källorna",
  risksCurrent: "Risker och kontraindikationer är aktuella",
  linksChecked: "Länkar och referenser är kontrollerade",
  feedbackReviewed: "Jag har gått igenom läsarnas återkoppling sedan förra granskningen",
} as const;

/** "Granskas var 12:e månad". */
export function reviewCycleLabel(months: number): string {
  return `Granskas var ${months}:e månad`;
}

// — Clinical or editorial change ————————————————————————————————————————————————

export const changeKindLabels: Record<ChangeKind, string> = { CLINICAL: "Klinisk ändring", EDITORIAL: "Redaktionell ändring" };

/** Why a version is a clinical change, as the submit form and the review screen list it. */
export const clinicalReasonLabels: Record<ClinicalReason, string> = {
  firstVersion: "första versionen: inget är publicerat att jämföra med",
  procedureFacts: "fakta om behandlingen (läkemedel, bildstöd, indikationer, effektens varaktighet eller försiktighet)",
  contraindications: "kontraindikationer",
  riskItems: "risker (text, allvarlighet, frekvens eller övergående)",
  riskListReference: "vilken risklista artikeln visar",
  procedureReference: "vilken behandling översikten visar",
  glossaryExplanation: "ordlistetermens term eller förklaring",
  markedByEditor: "markerad som klinisk av redaktören",
};

/** "Klinisk ändring: risker (…); kontraindikationer." */
export function changeKindSentence(kind: ChangeKind, reasons: readonly ClinicalReason[]): string {
  if (kind === "EDITORIAL") return "Redaktionell ändring: inga kliniska uppgifter ändras.";
  if (reasons.length === 0) return "Klinisk ändring: versionen skickades till granskning innan ändringar klassades, så den räknas som klinisk.";
  return `Klinisk ändring: ${reasons.map((reason) => clinicalReasonLabels[reason]).join("; ")}.`;
}

/** The workflow table's refusal when a reviewer who is not a clinician approves or re-attests a clinical change. */
export const clinicianRequiredRefusal =
  "Versionen innehåller en klinisk ändring och kan bara godkännas eller granskas om av en granskare med klinisk behörighet. Be en klinisk granskare, eller en administratör att ge dig behörigheten.";

/** When another version was published after an editorial change was submitted, and against it the change is clinical. */
export const editorialNoLongerHoldsRefusal =
  "En annan version har publicerats sedan den här skickades till granskning, och jämfört med den ändrar den här versionen kliniskt innehåll. Begär ändringar så att redaktören kan utgå från den publicerade versionen.";

/** The dashboard's note on a row that only a clinician may decide. */
export const needsClinicianNote = "klinisk ändring: kräver klinisk granskare";

/** "risklistan Biverkningar av kortison ändrades kliniskt i version 3". */
export function affectedArticleDetail(change: { title: string; number: number }): string {
  return `risklistan ${change.title} ändrades kliniskt i version ${change.number}`;
}

/** The user admin's names for the clinician flag. */
export const clinicianLabels = {
  heading: "Klinisk behörighet",
  yes: "Klinisk granskare: får godkänna och granska om kliniska ändringar.",
  no: "Inte klinisk granskare: får bara godkänna redaktionella ändringar.",
  grant: "Ge klinisk behörighet",
  revoke: "Ta bort klinisk behörighet",
  grantAtCreation: "Klinisk granskare (får godkänna och granska om kliniska ändringar)",
} as const;

// — Notifications —————————————————————————————————————————————————————————————

/** What each kind of notification is about, as the preferences page lists them. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  REVIEW_REQUESTED: "En version har skickats till granskning",
  CHANGES_REQUESTED: "Granskaren har begärt ändringar i din version",
  APPROVED: "En version har godkänts och väntar på publicering",
  PUBLISHED: "Din eller din granskade version har publicerats",
  UNPUBLISHED: "Din eller din granskade version har avpublicerats",
  REVIEW_COMMENT: "En granskare har kommenterat din version",
  REVIEW_DUE_SOON: "Innehåll ska granskas inom 30 dagar",
  REVIEW_OVERDUE: "Innehåll har passerat sitt granskningsdatum",
  REVIEW_ESCALATED: "Försenad granskning eskaleras till administratörer",
  SCHEDULE_LATE: "En schemalagd publicering eller avpublicering är försenad",
};

export const notificationDeliveryLabels: Record<NotificationDelivery, string> = {
  IMMEDIATE: "E-post direkt",
  DAILY_DIGEST: "Daglig sammanfattning",
  OFF: "Ingen e-post",
};

/** What a notification says about what happened, plain Swedish; the e-mail adds the link to the next step. */
export type NotificationFacts = {
  /** The version's title and number, e.g. "Kortisoninjektion", 3. */
  title: string;
  number: number;
  /** Who did it; null for the scheduler. */
  actorName: string | null;
  /** The next-review date (due and overdue notifications). */
  due?: Date;
  /** Days past due (overdue and escalated notifications). */
  daysOverdue?: number;
  /** Scheduled publishing or unpublishing (late schedules, with `due` the time it was due). */
  release?: "publish" | "unpublish";
  lateByMinutes?: number;
};

export function notificationText(kind: NotificationKind, facts: NotificationFacts): { subject: string; body: string } {
  const what = `"${facts.title}", version ${facts.number}`;
  const who = facts.actorName ?? "Schemaläggaren";
  const due = facts.due ? formatCalendarDate(facts.due) : "";
  switch (kind) {
    case "REVIEW_REQUESTED":
      return { subject: `Att granska: ${what}`, body: `${who} har skickat ${what} till granskning. Granska ändringarna och godkänn eller begär ändringar.` };
    case "CHANGES_REQUESTED":
      return { subject: `Ändringar begärda: ${what}`, body: `${who} har begärt ändringar i ${what}. Läs granskarens kommentar och revidera texten i ett nytt utkast.` };
    case "APPROVED":
      return { subject: `Godkänd, väntar på publicering: ${what}`, body: `${who} har godkänt ${what}. Versionen väntar på att publiceras.` };
    case "PUBLISHED":
      return { subject: `Publicerad: ${what}`, body: `${who} har publicerat ${what}. Den visas nu för läsarna, i flödet och i API:et.` };
    case "UNPUBLISHED":
      return { subject: `Avpublicerad: ${what}`, body: `${who} har avpublicerat ${what}. Den visas inte längre för läsarna.` };
    case "REVIEW_COMMENT":
      return { subject: `Ny granskningskommentar: ${what}`, body: `${who} har kommenterat ${what}.` };
    case "REVIEW_DUE_SOON":
      return { subject: `Granskning inom 30 dagar: ${what}`, body: `${what} ska granskas senast ${due}. Granska hela sidan och bekräfta den, eller starta ett nytt utkast.` };
    case "REVIEW_OVERDUE":
      return { subject: `Försenad granskning: ${what}`, body: `${what} skulle ha granskats senast ${due}. Granska hela sidan och bekräfta den, eller starta ett nytt utkast.` };
    case "REVIEW_ESCALATED":
      return {
        subject: `Eskalerad: ${what} är ${facts.daysOverdue ?? 0} dagar försenad`,
        body: `${what} skulle ha granskats senast ${due} och är nu ${facts.daysOverdue ?? 0} dagar försenad. Se till att någon granskar sidan eller avpublicera den.`,
      };
    case "SCHEDULE_LATE":
      return {
        subject: `Försenad schemaläggning: ${what}`,
        body: `Den schemalagda ${facts.release === "unpublish" ? "avpubliceringen" : "publiceringen"} av ${what} skulle ha skett ${facts.due ? formatAdminDateTime(facts.due) : "tidigare"} men skedde först ${facts.lateByMinutes ?? 0} minuter senare. Kontrollera att bakgrundsjobben körs på minst en instans.`,
      };
  }
}

/** The e-mail's closing lines: the link to the screen of the next step. */
export function notificationEmailText(body: string, url: string): string {
  return `${body}\n\nGå vidare här:\n${url}\n\n-- \nGranskad redaktion. Du kan ändra vilka e-postmeddelanden du får under Aviseringar.\n`;
}

/** One daily digest for one person. */
export function notificationDigestText(entries: { subject: string; url: string }[]): { subject: string; text: string } {
  const lines = entries.map((entry) => `- ${entry.subject}\n  ${entry.url}`).join("\n");
  return {
    subject: `Granskad: ${entries.length} ${entries.length === 1 ? "avisering" : "aviseringar"} sedan i går`,
    text: `Det här har hänt sedan förra sammanfattningen:\n\n${lines}\n\n-- \nGranskad redaktion. Du kan ändra vilka e-postmeddelanden du får under Aviseringar.\n`,
  };
}

// — Items and versions ——————————————————————————————————————————————————————————

/** What the editorial staff call an item in lists: "artikel", "procedur", "risklista". */
export const itemTypeNames: Record<ItemKind, string> & { procedure: string } = {
  article: "artikel",
  procedure: "procedur",
  riskList: "risklista",
  glossaryTerm: "ordlisteterm",
};

export function itemTypeName(type: { item: { kind: ItemKind }; articleKind: ArticleKind | null }): string {
  return type.articleKind === "PROCEDURE" ? itemTypeNames.procedure : itemTypeNames[type.item.kind];
}

export const articleKindLabels: Record<ArticleKind, string> = {
  OVERVIEW: "Översikt",
  PROCEDURE: "Procedur (behandling)",
};

/** An item's kind as its review and history pages head it: "Artikel (översikt)", "Risklista". */
export function itemKindLabel(item: { kind: "article"; articleKind: ArticleKind } | { kind: "riskList" } | { kind: "glossaryTerm" }): string {
  if (item.kind === "glossaryTerm") return "Ordlisteterm";
  return item.kind === "article" ? `Artikel (${articleKindLabels[item.articleKind].toLowerCase()})` : "Risklista";
}

// — Readability (LIX) ———————————————————————————————————————————————————————————

/** Björnsson's LIX bands in words an editor understands: a name and what such text is like. */
export const lixBandLabels: Record<LixBand, { name: string; like: string }> = {
  very_easy: { name: "mycket lätt", like: "som en barnbok" },
  easy: { name: "lätt", like: "som en roman eller en veckotidning" },
  medium: { name: "medelsvår", like: "som en dagstidning" },
  hard: { name: "svår", like: "som en facktext eller ett myndighetsbrev" },
  very_hard: { name: "mycket svår", like: "som en lagtext eller en avhandling" },
};

/** "LIX 38, lätt: som en roman eller en veckotidning". */
export function lixSentence(figure: { lix: number; band: LixBand }): string {
  const band = lixBandLabels[figure.band];
  return `LIX ${figure.lix}, ${band.name}: ${band.like}`;
}

export const lixDirectionLabels = { harder: "svårare", easier: "lättare", same: "oförändrad" } as const;

/** What a search hit is, as the search page says it. */
export function searchHitTypeLabel(hit: { kind: ItemKind; articleKind: ArticleKind | null }): string {
  if (hit.kind === "riskList") return "Risker och biverkningar";
  if (hit.kind === "glossaryTerm") return "Ord och begrepp";
  return hit.articleKind === "PROCEDURE" ? "Behandling" : "Översikt";
}

/** How the admin names a version's status. */
export const versionStatusLabels: Record<VersionStatus, string> = {
  DRAFT: "utkast",
  IN_REVIEW: "under granskning",
  CHANGES_REQUESTED: "ändringar begärda",
  APPROVED: "godkänd",
  PUBLISHED: "publicerad",
  SUPERSEDED: "ersatt",
  UNPUBLISHED: "avpublicerad",
};

/** "Version 3 (godkänd)". */
export function versionLabel(version: { number: number; status: VersionStatus }): string {
  return `Version ${version.number} (${versionStatusLabels[version.status]})`;
}

export const decisionLabels: Record<ReviewDecisionKind, string> = {
  APPROVE: "Godkänd",
  REQUEST_CHANGES: "Ändringar begärda",
  REATTEST: "Granskning bekräftad",
};

export const roleLabels: Record<Role, string> = { EDITOR: "redaktör", REVIEWER: "granskare", ADMIN: "administratör" };

/**
 * Every action on a version as the refusal sentences name it ("Bara en administratör kan publicera
 * versionen."). The workflow table (lib/workflow/version-workflow.ts) has exactly these actions: it is
 * checked against this list, so a new action without its Swedish name does not compile.
 */
export const versionActionLabels = {
  submit: "skicka versionen till granskning",
  requestChanges: "begära ändringar i versionen",
  approve: "godkänna versionen",
  publish: "publicera versionen",
  schedulePublish: "schemalägga publiceringen",
  unpublish: "avpublicera versionen",
  scheduleUnpublish: "schemalägga avpubliceringen",
  reattest: "bekräfta granskningen",
  comment: "kommentera versionen",
  inviteExternalReviewer: "bjuda in en extern granskare till versionen",
  editDraft: "redigera utkastet",
  startDraftFrom: "starta ett nytt utkast från versionen",
} as const;

/** "en redaktör", "en granskare eller en administratör". */
export function rolesPhrase(roles: readonly Role[]): string {
  return roles.map((role) => `en ${roleLabels[role]}`).join(" eller ");
}

/** "godkänd", "publicerad eller avpublicerad". */
export function statusesPhrase(statuses: readonly VersionStatus[]): string {
  return statuses.map((status) => versionStatusLabels[status]).join(" eller ");
}

// — Content ——————————————————————————————————————————————————————————————————

export const blockTypeLabels: Record<ArticleBlock["type"], string> = {
  HEADING: "Rubrik",
  PARAGRAPH: "Stycke",
  BULLET_LIST: "Punktlista",
  CALLOUT: "Faktaruta / varning",
  PROCEDURE_FACTS: "Procedurfakta",
  RISK_LIST: "Risklista",
  PROCEDURE: "Procedur",
  KEY_TAKEAWAYS: "Viktiga punkter",
  REFERENCES: "Källor",
};

/** An article's or risk list's own fields, in the editor and the diff. */
export const contentFieldLabels = { title: "Titel", summary: "Ingress" } as const;

/** Why an article that marks unreviewed glossary terms cannot be published. */
export function unreviewedGlossaryTermsRefusal(titles: string[]): string {
  const named = titles.length ? `: ${titles.map((title) => `”${title}”`).join(", ")}` : "";
  return `Artikeln markerar ord i ordlistan som inte är granskade${named}. Låt granska och publicera förklaringen först, eller ta bort markeringen.`;
}

/** The heading of the explained terms at the end of a page, and of the public glossary page. */
export const glossaryTitle = "Ord och begrepp";

/** A glossary term's fields, as the editor, the diff and the public glossary name them. */
export const glossaryFieldLabels = {
  title: "Term",
  forms: "Andra former och synonymer",
  formsHint: "En per rad, till exempel böjningar (”epiduralrummet”) och synonymer. Används för att hitta termen i texter där den inte är markerad.",
  explanation: "Förklaring på enkel svenska",
} as const;

/** A heading's level, as the editor offers it and the diff shows it. */
export const headingLevelLabels: Record<2 | 3, string> = { 2: "Rubrik", 3: "Underrubrik" };

/** A callout's tone. */
export const calloutToneLabels: Record<"info" | "warning", string> = { info: "Information", warning: "Varning" };

/**
 * A procedure's facts as readers, editors, reviewers and feed consumers see them named: the public page's
 * terms, the editor's fields, the diff's rows and the feed's HTML use these and nothing else.
 */
export const procedureFactLabels = {
  medications: "Läkemedel",
  medicationNote: "Om läkemedlet",
  imaging: "Bildstyrning",
  imagingNote: "Om bildstyrningen",
  indications: "Kan hjälpa vid",
  reliefDuration: "Smärtlindringens varaktighet",
  precautions: "Tala med en läkare om",
  contraindications: "Rekommenderas inte vid",
} as const;

/** Every field of a block the diff compares, by its name in the editor. */
export const blockFieldLabels = {
  text: "Text",
  level: "Nivå",
  intro: "Inledning",
  items: "Punkter",
  tone: "Sort",
  title: "Rubrik",
  ...procedureFactLabels,
  riskListId: "Risklista",
  procedureArticleId: "Procedur",
} as const;

/** "3. Stycke: Injektionen ges med hjälp av …", for choosing the block a comment is about. */
export function blockLabel(block: ArticleBlock, position: number): string {
  const text =
    block.type === "HEADING" || block.type === "PARAGRAPH" || block.type === "CALLOUT"
      ? block.text
      : block.type === "BULLET_LIST"
        ? (block.intro ?? block.items[0] ?? "")
        : block.type === "KEY_TAKEAWAYS" || block.type === "REFERENCES"
          ? (block.title ?? "")
          : "";
  const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `${position}. ${blockTypeLabels[block.type]}${excerpt ? `: ${excerpt}` : ""}`;
}

/** A risk's severity and frequency as the editor chooses them. */
export const severityLabels: Record<RiskSeverity, string> = {
  MILD: "Lindrig",
  MODERATE: "Måttlig",
  SERIOUS: "Allvarlig",
};

export const frequencyLabels: Record<RiskFrequency, string> = {
  COMMON: "Vanlig",
  UNCOMMON: "Mindre vanlig",
  RARE: "Sällsynt",
  UNKNOWN: "Okänd",
};

/** The same for readers, in words, so that a reader never depends on colour to tell them apart; null: not said. */
export const riskFrequencyLabels: Record<RiskFrequency, string | null> = {
  COMMON: "vanlig",
  UNCOMMON: "mindre vanlig",
  RARE: "sällsynt",
  UNKNOWN: null,
};

export const riskSeverityLabels: Record<RiskSeverity, string | null> = {
  MILD: null,
  MODERATE: null,
  SERIOUS: "allvarlig",
};

export const temporaryRiskLabel = "övergående";

export const medicationLabels: Record<Medication, string> = {
  CORTICOSTEROID: "kortison",
  LOCAL_ANAESTHETIC: "bedövningsmedel",
  BOTULINUM_TOXIN: "botulinumtoxin",
  NONE: "ingen medicin (dry needling)",
};

export const imagingLabels: Record<ImagingGuidance, string> = {
  CONTRAST_FLUOROSCOPY: "kontrastfärg och genomlysning",
  ULTRASOUND: "ultraljud",
  IMAGING_UNSPECIFIED: "avbildningsteknik",
  NONE: "ingen bildstyrning",
};

// — Readers' comments and webhooks ———————————————————————————————————————————————

export const commentStatusLabels: Record<CommentStatus, string> = {
  PENDING: "Väntar",
  APPROVED: "Godkänd",
  REJECTED: "Avvisad",
};

export const webhookEventLabels: Record<WebhookEvent, string> = {
  PUBLISHED: "Publicering",
  UNPUBLISHED: "Avpublicering",
};

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  PENDING: "väntar",
  SUCCEEDED: "levererad",
  FAILED: "misslyckad",
};

// — Owners —————————————————————————————————————————————————————————————————————

/** The responsible owner of an article or risk list (README, "Owners"). */
export const ownerLabels = {
  owner: "Ansvarig",
  ownerHint: "Den som ansvarar för innehållet och får påminnelserna när det ska granskas om. Du är förvald.",
  change: "Byt ansvarig",
  choose: "Välj ansvarig …",
  save: "Spara ansvarig",
  saved: "Ansvarig är ändrad.",
  noLongerOwner: "kan inte längre vara ansvarig",
  mayNotOwn: "Ansvarig måste vara en aktiv användare med rollen redaktör eller granskare",
  mayNotChange: "Bara en administratör eller den ansvariga själv kan byta ansvarig.",
  changedMeanwhile: "Någon annan har bytt ansvarig sedan du öppnade sidan; ladda om sidan och försök igen.",
  itemNotFound: "Innehållet finns inte",
  deactivated: "inaktiverad",
  deactivationWarning: "Efter inaktiveringen visas det på översikten under ”Utan ansvarig” tills en administratör väljer en ny ansvarig.",
  stillOwnerless: "Det visas på översikten under ”Utan ansvarig” tills en administratör väljer en ny ansvarig.",
  noEditorialRole: "varken redaktör eller granskare",
} as const;

/** Why an owner no longer answers for their items ("Utan ansvarig" on the dashboard): "ansvarig: Elin (inaktiverad)". */
export function formerOwnerPhrase(owner: { name: string; active: boolean }): string {
  return `ansvarig: ${owner.name} (${owner.active ? ownerLabels.noEditorialRole : ownerLabels.deactivated})`;
}

/** "äger 2 artiklar och 1 risklista": what a deactivation leaves without an owner. */
export function ownedItemsPhrase(owned: { articles: number; riskLists: number }): string {
  const parts = [
    ...(owned.articles > 0 ? [`${owned.articles} ${owned.articles === 1 ? "artikel" : "artiklar"}`] : []),
    ...(owned.riskLists > 0 ? [`${owned.riskLists} ${owned.riskLists === 1 ? "risklista" : "risklistor"}`] : []),
  ];
  return parts.length === 0 ? "äger inget innehåll" : `äger ${parts.join(" och ")}`;
}

// — The audit trail ——————————————————————————————————————————————————————————————

export const auditActionLabels: Record<AuditAction, string> = {
  "auth.sign_in": "inloggning",
  "auth.sign_in_failed": "misslyckad inloggning",
  "auth.sign_in_throttled": "inloggning spärrad (för många försök)",
  "auth.sign_in_failures_unrecorded": "fler misslyckade inloggningar än loggen tar emot (räknas men skrivs inte var för sig)",
  "user.created": "användare skapad",
  "user.roles_changed": "roller ändrade",
  "user.profile_updated": "användaruppgifter ändrade",
  "user.deactivated": "användare inaktiverad",
  "user.reactivated": "användare återaktiverad",
  "user.clinician_changed": "klinisk behörighet ändrad",
  "user.seeded": "demoanvändare skapad",
  "content.seeded": "grundinnehåll importerat",
  "item.created": "innehåll skapat",
  "owner.changed": "ansvarig ändrad",
  "version.draft_started": "utkast påbörjat",
  "version.submitted": "inskickad för granskning",
  "version.changes_requested": "ändringar begärda",
  "version.approved": "godkänd",
  "version.review_refused": "granskning nekad (fyraögonsprincipen)",
  "version.reattested": "granskning förnyad",
  "version.published": "publicerad",
  "version.publish_scheduled": "publicering schemalagd",
  "version.publish_schedule_cancelled": "schemalagd publicering avbruten",
  "version.schedule_late": "schemaläggning genomförd försenad",
  "version.restored": "återställd som nytt utkast",
  "item.unpublished": "avpublicerad",
  "item.unpublish_scheduled": "avpublicering schemalagd",
  "item.unpublish_schedule_cancelled": "schemalagd avpublicering avbruten",
  "comment.approved": "läsarkommentar godkänd",
  "comment.rejected": "läsarkommentar avvisad",
  "comment.deleted": "läsarkommentar raderad",
  "webhook.subscription_created": "webhook tillagd",
  "webhook.subscription_deleted": "webhook borttagen",
  "webhook.subscription_deactivated": "webhook inaktiverad",
  "webhook.subscription_reactivated": "webhook återaktiverad",
  "external_review.invited": "extern granskare inbjuden",
  "external_review.revoked": "extern granskares länk återkallad",
  "external_review.viewed": "extern granskare öppnade länken",
  "external_review.commented": "extern granskare kommenterade",
};

/** An audit action's name; an action no longer known (stored long ago) is shown as it was stored. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string | undefined>)[action] ?? action;
}

export const auditEntityLabels: Record<AuditEntityType, string> = {
  user: "användare",
  article: "artikel",
  risk_list: "risklista",
  glossary_term: "ordlisteterm",
  version: "version",
  public_comment: "läsarkommentar",
  webhook_subscription: "webhook",
  session: "inloggning",
};

// — External review (lib/external-review) ————————————————————————————————————————

/** How an outside expert's comment is marked wherever review comments are shown. */
export function externalCommentAuthor(expert: { expertName: string; expertTitle: string }): string {
  return `${expert.expertName}, ${expert.expertTitle} (extern granskare)`;
}

/** Who wrote a review comment, as the review screen names them: the user, or the expert marked external. */
export function reviewCommentAuthorName(comment: { author: { name: string } | null; externalInvitation: { expertName: string; expertTitle: string } | null }): string {
  if (comment.externalInvitation) return externalCommentAuthor(comment.externalInvitation);
  return comment.author?.name ?? "Okänd";
}

export const externalReviewLabels = {
  /** Why the expert's page refuses, one sentence each; the page's status says the same (404, 410, 429). */
  unknown: "Länken finns inte. Kontrollera att du har kopierat hela adressen från e-postmeddelandet.",
  expired: "Länken har gått ut. Be den som bjöd in dig om en ny länk.",
  revoked: "Länken har återkallats av redaktionen. Be den som bjöd in dig om en ny länk om du fortfarande ska granska.",
  rateLimited: (minutes: number) => `För många försök från din adress på kort tid. Försök igen om ${minutes} ${minutes === 1 ? "minut" : "minuter"}.`,
  /** The version has been decided, or is no longer the one in review that the link was for. */
  decided: "Granskningen av den här versionen är avslutad, så den tar inte emot fler kommentarer. Texten nedan är den du bjöds in att granska.",
  changed: "Versionen har ändrats sedan du bjöds in, så länken gäller inte längre den text som granskas. Be om en ny länk.",
  commentRefused: "Kommentaren kunde inte sparas: versionen tar inte längre emot kommentarer via den här länken.",
  invitationStatus: { active: "aktiv", expired: "har gått ut", revoked: "återkallad", closed: "granskningen avslutad" },
} as const;

/** The e-mail to an invited expert: plain Swedish, the link, what they can do and until when. */
export function externalReviewInvitationEmail(facts: { expertName: string; inviterName: string; title: string; number: number; url: string; expiresAt: Date }): { subject: string; text: string } {
  const expires = formatAdminDateTime(facts.expiresAt);
  return {
    subject: `Inbjudan att granska ”${facts.title}”`,
    text: [
      `Hej ${facts.expertName},`,
      "",
      `${facts.inviterName} bjuder in dig att granska version ${facts.number} av ”${facts.title}” som extern faktagranskare.`,
      "",
      "Öppna länken för att läsa texten och se vad som har ändrats mot den publicerade versionen. Du kan kommentera hela texten eller ett enskilt stycke. Du behöver inget konto.",
      "",
      facts.url,
      "",
      `Länken gäller till ${expires} och bara för den här versionen. Dela den inte: den som har länken kan kommentera i ditt namn.`,
      "",
      "Hälsningar",
      "Granskad",
    ].join("\n"),
  };
}

// — Dates ————————————————————————————————————————————————————————————————————————

const adminDateTime = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
// Review-due dates are calendar dates held as UTC midnight, so they are read in UTC.
const adminCalendarDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeZone: "UTC" });
const swedishDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" });
const swedishCalendarDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" });

/** For the admin: a moment in Swedish time, e.g. "2026-11-24 17:05". */
export function formatAdminDateTime(moment: Date): string {
  return adminDateTime.format(moment);
}


/**
 * For the admin: how long ago (or, for a moment ahead, how soon) in whole units, e.g. "3 dagar",
 * "mindre än en timme", "om 2 timmar". Calendar dates are counted in days.
 */
export function formatElapsed(since: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - since.getTime()) / 60_000);
  const ahead = minutes < 0;
  const span = Math.abs(minutes);
  const amount =
    span < 60
      ? "mindre än en timme"
      : span < 24 * 60
        ? `${Math.floor(span / 60)} ${Math.floor(span / 60) === 1 ? "timme" : "timmar"}`
        : `${Math.floor(span / (24 * 60))} ${Math.floor(span / (24 * 60)) === 1 ? "dag" : "dagar"}`;
  return ahead ? `om ${amount}` : amount;
}

/** The dashboard's groups: whose work they hold. */
export const dashboardAudienceLabels = { editor: "Som redaktör", reviewer: "Som granskare", admin: "Som administratör" } as const;

/** For the admin: a calendar date such as a next-review date, e.g. "2027-11-24". */
export function formatCalendarDate(date: Date): string {
  return adminCalendarDate.format(date);
}

/** For readers: a moment as a date in Sweden, e.g. "24 november 2026". */
export function formatSwedishDate(moment: Date): string {
  return swedishDate.format(moment);
}

/** For readers: a calendar date (stored as midnight UTC), e.g. "24 november 2027", whatever the server's time zone. */
export function formatSwedishCalendarDate(date: Date): string {
  return swedishCalendarDate.format(date);
}

/** The machine-readable form of a calendar date for `<time dateTime>`. */
export function isoCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
