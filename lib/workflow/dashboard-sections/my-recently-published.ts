import { myVersionsSection, recentCount } from "./section";

/** Editor: what I wrote that readers see now, latest first. */
export const myRecentlyPublished = myVersionsSection({
  id: "mina-publicerade",
  title: "Mitt senast publicerade",
  empty: "Inget du skrivit är publicerat.",
  sinceHeading: "Publicerad",
  nextStep: "Se versionen",
  status: "PUBLISHED",
  since: "publishedAt",
  order: "desc",
  take: recentCount,
});
