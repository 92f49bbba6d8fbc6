import { decisionLabels } from "@/lib/labels/sv";
import { recentCount, rowInclude, toRow, type DashboardSectionDefinition } from "./section";

/** Reviewer: my latest decisions (approved, sent back, re-attested), newest first, one row per version. */
export const recentlyDecidedByMe: DashboardSectionDefinition = {
  id: "beslutat-av-mig",
  audience: "reviewer",
  title: "Senast beslutat av dig",
  empty: "Du har inte fattat några granskningsbeslut ännu.",
  sinceHeading: "Beslut",
  nextStep: "Se versionen",
  rows: async (db, user) => {
    const decisions = await db.reviewDecision.findMany({
      where: { reviewerId: user.id },
      orderBy: { createdAt: "desc" },
      distinct: ["versionId"],
      take: recentCount,
      include: { version: { include: rowInclude } },
    });
    return decisions.map((decision) => toRow(decision.version, decision.createdAt, { detail: decisionLabels[decision.kind] }));
  },
};
