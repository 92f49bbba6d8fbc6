import { dashboardSectionLimit, myVersionsSection } from "./section";

/** Editor: what I wrote that waits for a reviewer, longest waiting first. */
export const mineInReview = myVersionsSection({
  id: "mina-under-granskning",
  title: "Mitt under granskning",
  empty: "Inget du skrivit väntar på granskning.",
  sinceHeading: "Inskickad",
  nextStep: "Se versionen",
  status: "IN_REVIEW",
  since: "submittedAt",
  order: "asc",
  take: dashboardSectionLimit,
});
