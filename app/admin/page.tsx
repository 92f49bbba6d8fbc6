import type { Metadata } from "next";
import { ContentSearch } from "@/components/dashboard/content-search";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { contentSearchSchema, loadDashboard, searchContentByTitle } from "@/lib/workflow/dashboard";
import { adminPaths } from "@/lib/paths/admin-paths";
import { dashboardAudienceLabels } from "@/lib/labels/sv";

export const metadata: Metadata = { title: "Översikt" };
export const dynamic = "force-dynamic";

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(adminPaths.dashboard);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const search = query ? contentSearchSchema.safeParse({ q: query }) : null;
  const db = getDb();
  const now = new Date();
  const [dashboard, hits] = await Promise.all([loadDashboard(db, user, now), search?.success ? searchContentByTitle(db, search.data) : null]);

  return (
    <>
      <h1>Översikt</h1>
      <ContentSearch query={query} error={search && !search.success ? (search.error.issues[0]?.message ?? "Ogiltig sökning") : null} hits={hits} />
      {dashboard.map((group) => (
        <section key={group.audience} className="dashboard-group" aria-labelledby={`grupp-${group.audience}`} data-testid={`dashboard-${group.audience}`}>
          <h2 id={`grupp-${group.audience}`}>{dashboardAudienceLabels[group.audience]}</h2>
          <div className="dashboard-sections">
            {group.sections.map((section) => (
              <DashboardSection key={section.definition.id} section={section} now={now} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
