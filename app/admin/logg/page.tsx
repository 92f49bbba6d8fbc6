import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventTable } from "@/components/audit/audit-event-table";
import { AuditFilterForm, type AuditFilterValues } from "@/components/audit/audit-filter-form";
import { auditQuerySchema, queryAuditEvents } from "@/lib/audit/audit-query";
import { listUsers } from "@/lib/auth/manage-users";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { fieldErrorsOf } from "@/lib/errors/domain-result";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Granskningslogg" };
export const dynamic = "force-dynamic";

const filterFields = ["actorId", "entityType", "entityId", "action", "from", "to"] as const;

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(adminPaths.auditLog, ["ADMIN"]);
  const raw = await searchParams;
  const text = (name: string) => (typeof raw[name] === "string" ? raw[name] : "");
  const values = Object.fromEntries(filterFields.map((field) => [field, text(field)])) as AuditFilterValues;
  const parsed = auditQuerySchema.safeParse({ ...values, before: text("before") });
  const db = getDb();
  const [users, page] = await Promise.all([listUsers(db), parsed.success ? queryAuditEvents(db, parsed.data) : null]);
  const olderHref = page?.nextBefore ? adminPaths.auditLogFiltered({ ...values, before: page.nextBefore }) : null;

  return (
    <>
      <h1>Granskningslogg</h1>
      <p>Alla tillståndsändringar och privilegierade åtgärder, nyast först. Loggen kan inte ändras eller raderas.</p>
      <AuditFilterForm values={values} errors={parsed.success ? {} : fieldErrorsOf(parsed.error)} users={users} />
      {!parsed.success ? (
        <p role="alert" className="form-error">
          Rätta filtret ovan för att se loggen.
        </p>
      ) : page!.events.length === 0 ? (
        <p>Inga händelser matchar filtret.</p>
      ) : (
        <>
          <AuditEventTable events={page!.events} userNames={new Map(users.map((user) => [user.id, user.name]))} />
          <nav aria-label="Sidor i loggen" className="audit-pages">
            {parsed.data.before && <Link href={adminPaths.auditLogFiltered(values)}>← Nyaste</Link>}
            {olderHref && <Link href={olderHref}>Äldre händelser →</Link>}
          </nav>
        </>
      )}
    </>
  );
}
