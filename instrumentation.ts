// Runs once when a Next.js server starts. A Granskad server without its database is useless, so it
// checks the connection up front and exits with one clear line instead of failing request by request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitUnlessDatabaseReachable } = await import("@/lib/db/assert-database-reachable");
  await exitUnlessDatabaseReachable(process.env.DATABASE_URL);
  // A mistyped LIX_TARGET_PATIENT stops the start here rather than failing every feed request.
  const { lixTarget } = await import("@/lib/readability/readability-target");
  lixTarget();
  // So does a mistyped GRANSKAD_EXTERNAL_REVIEW_DAYS, rather than failing every invitation.
  const { externalReviewDays } = await import("@/lib/external-review/external-review-config");
  externalReviewDays();
  const { startApplication } = await import("@/lib/startup/start-application");
  await startApplication();
}
