import { dashboardSectionLimit, myVersionsSection } from "./section";

/** Editor: drafts I started or edited, most recently changed first. */
export const myDrafts = myVersionsSection({
  id: "mina-utkast",
  title: "Mina utkast",
  empty: "Du har inga utkast.",
  sinceHeading: "Senast ändrad",
  nextStep: "Fortsätt skriva",
  status: "DRAFT",
  since: "updatedAt",
  order: "desc",
  take: dashboardSectionLimit,
});
