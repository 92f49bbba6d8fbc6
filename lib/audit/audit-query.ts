import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { auditActions, auditEntityTypes } from "./record-audit-event";

/** Events per page of the audit trail. */
export const auditPageSize = 50;

/** The audit trail's dates are days in Sweden, where the editorial staff work. */
export const auditTimeZone = "Europe/Stockholm";

// A GET form sends every field, empty ones as "": those mean "no filter".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
// The range keeps every instant the filter computes (the day's start in Stockholm, the next day) within
// what PostgreSQL and Date hold.
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange ett datum som ÅÅÅÅ-MM-DD")
  .refine(isCalendarDate, "Ogiltigt datum")
  .refine((value) => value >= "1900-01-01" && value <= "9999-12-30", "Ange ett datum mellan 1900-01-01 och 9999-12-30");
/** Event ids are PostgreSQL bigints. */
const largestEventId = 9_223_372_036_854_775_807n;

// "2026-02-30" parses as 2 March; a real date survives the round trip unchanged.
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The audit trail's filter, as the GET form on /admin/logg sends it. */
export const auditQuerySchema = z
  .object({
    actorId: optional(z.uuid("Välj en användare i listan")),
    entityType: optional(z.enum(auditEntityTypes, "Välj en typ i listan")),
    entityId: optional(z.string().trim().max(100, "Högst 100 tecken")),
    action: optional(z.enum(auditActions, "Välj en händelse i listan")),
    from: optional(calendarDate),
    to: optional(calendarDate),
    /** The id of the last event on the previous page: the next page holds older events. */
    before: optional(z.string().regex(/^\d{1,19}$/, "Ogiltig sida").refine((value) => !/^\d{1,19}$/.test(value) || BigInt(value) <= largestEventId, "Ogiltig sida")),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "Till-datumet är före från-datumet / 'To' is before 'from'" });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The instant a calendar day starts in `timeZone`, e.g. 2026-11-24 → 2026-11-23T23:00:00Z in Stockholm. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const offsetName = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(utcMidnight).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName);
  const offsetMinutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export type AuditEventRow = Prisma.AuditEventGetPayload<{ include: { actor: { select: { id: true; name: true; email: true } } } }>;
export type AuditPage = { events: AuditEventRow[]; nextBefore: string | null };

/** One page of the audit trail, newest first, with every given filter applied together. */
export async function queryAuditEvents(db: Db, query: AuditQuery, pageSize: number = auditPageSize): Promise<AuditPage> {
  const at: Prisma.DateTimeFilter = {};
  if (query.from) at.gte = startOfDayIn(query.from, auditTimeZone);
  if (query.to) at.lt = startOfDayIn(nextDay(query.to), auditTimeZone);
  const where: Prisma.AuditEventWhereInput = {
    ...(query.actorId && { actorId: query.actorId }),
    ...(query.entityType && { entityType: query.entityType }),
    ...(query.entityId && { entityId: query.entityId }),
    ...(query.action && { action: query.action }),
    ...((query.from || query.to) && { at }),
    ...(query.before && { id: { lt: BigInt(query.before) } }),
  };
  const events = await db.auditEvent.findMany({
    where,
    include: { actor: { select: { id: true, name: true, email: true } } },
    // Ids grow with time, and unlike timestamps they never tie, so they page without gaps or repeats.
    orderBy: { id: "desc" },
    take: pageSize + 1,
  });
  const page = events.slice(0, pageSize);
  return { events: page, nextBefore: events.length > pageSize ? String(page[page.length - 1]!.id) : null };
}
