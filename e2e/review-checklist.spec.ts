import { expect, test } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { confirmReviewChecklist, signIn, snapshot } from "./fixtures";

/** A seeded published article no other spec re-attests. */
const epiduralArticleV1 = seedUuid("article/epidurala-steroidinjektioner/version/1");

test("re-attesting is a whole-page review: the checklist must be confirmed, the reader feedback is shown, the reviewer sets the cycle", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/admin/versioner/${epiduralArticleV1}`);
  await expect(page.getByTestId("review-cycle")).toHaveText("Granskas var 12:e månad");
  await expect(page.getByTestId("feedback-since-review")).toContainText("”Var det här till hjälp?”");
  const form = page.getByRole("form", { name: "Bekräfta oförändrat innehåll" });

  await test.step("without the checklist nothing is recorded", async () => {
    await form.getByRole("button", { name: "Bekräfta granskning" }).click();
    await expect(form.getByText("Bekräfta att risker och kontraindikationer är aktuella")).toBeVisible();
    await expect(page.getByTestId("decisions")).not.toContainText("Granskning bekräftad");
  });

  await test.step("with every item confirmed and a 24-month cycle, the re-attestation is recorded with its checklist", async () => {
    await confirmReviewChecklist(page, "reattest");
    await form.getByLabel("Granskningsintervall").selectOption("24");
    await snapshot(page, "reattest-checklist");
    await form.getByRole("button", { name: "Bekräfta granskning" }).click();
    await expect(page.getByTestId("decisions")).toContainText("Granskning bekräftad");
    await expect(page.getByTestId("decision-checklist").first()).toContainText("Granskas var 24:e månad");
    await expect(page.getByTestId("review-cycle")).toHaveText("Granskas var 24:e månad");
  });
});
