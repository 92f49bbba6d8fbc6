import type { ImagingGuidance, Medication, RiskFrequency, RiskSeverity } from "@/lib/db/generated/enums";

/** How the public pages name the content model's enums and dates, in Swedish. */

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

/** Frequency and severity in words, so that a reader never depends on colour to tell them apart. */
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

const swedishDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" });
const swedishCalendarDate = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" });

/** A moment as a date in Sweden, e.g. "24 november 2026". */
export function formatSwedishDate(moment: Date): string {
  return swedishDate.format(moment);
}

/** A calendar date (stored as midnight UTC), e.g. "24 november 2027", whatever the server's time zone. */
export function formatSwedishCalendarDate(date: Date): string {
  return swedishCalendarDate.format(date);
}

/** The machine-readable form of a calendar date for `<time dateTime>`. */
export function isoCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
