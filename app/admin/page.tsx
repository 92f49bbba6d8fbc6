import type { Metadata } from "next";
import { ContentSearch } from "@/components/dashboard/content-search";
import { DashboardSection } from "@/components/dashboard/dashboard-section";
import { LateSchedulesSection } from "@/components/dashboard/late-schedules-section";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { contentSearchSchema, lateScheduleDays, loadDashboard, searchContentByTitle } from "@/lib/workflow/dashboard";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Översikt" };
export const dynamic = "force-dynamic";

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(adminPaths.dashboard);
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const search = query ? contentSearchSchema.safeParse({ q: query }) : null;
  const db = getDb();
  const [dashboard, hits] = await Promise.all([loadDashboard(db, user), search?.success ? searchContentByTitle(db, search.data) : null]);

  return (
    <>
      <h1>Översikt</h1>
      <ContentSearch query={query} error={search && !search.success ? (search.error.issues[0]?.message ?? "Ogiltig sökning") : null} hits={hits} />
      <div className="dashboard-sections">
        {dashboard.myDrafts && (
          <DashboardSection id="mina-utkast" title="Mina utkast" empty="Du har inga utkast." rows={dashboard.myDrafts} dateColumn="updated" />
        )}
        {dashboard.changesRequestedOfMe && (
          <DashboardSection
            id="andringar-begarda"
            title="Ändringar begärda av dig"
            empty="Ingen granskare har begärt ändringar i något du skrivit."
            rows={dashboard.changesRequestedOfMe}
            dateColumn="decided"
          />
        )}
        {dashboard.waitingForMyReview && (
          <DashboardSection
            id="vantar-pa-granskning"
            title="Väntar på din granskning"
            empty="Inget väntar på din granskning."
            rows={dashboard.waitingForMyReview}
            dateColumn="submitted"
          />
        )}
        <DashboardSection id="schemalagt" title="Schemalagt" empty="Inget är schemalagt för publicering eller avpublicering." rows={dashboard.scheduled} dateColumn="scheduled" />
        <LateSchedulesSection rows={dashboard.lateSchedules} days={lateScheduleDays} />
        <DashboardSection
          id="forsenad-granskning"
          title="Försenad granskning"
          empty="Inget publicerat innehåll har passerat sitt granskningsdatum."
          rows={dashboard.overdueForReview}
          dateColumn="nextReviewDue"
        />
        <DashboardSection id="senast-publicerat" title="Senast publicerat" empty="Inget har publicerats ännu." rows={dashboard.recentlyPublished} dateColumn="published" />
      </div>
    </>
  );
}
