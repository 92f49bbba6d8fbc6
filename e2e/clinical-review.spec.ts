import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { clinicianLabels, clinicianRequiredRefusal } from "../lib/labels/sv";
import { as, confirmReviewChecklist, e2eUsers, signIn, snapshot } from "./fixtures";

/**
 * Issue 11.4 in the browser. The webhooks spec edits the same list: this one ends with its version
 * published, so it leaves no version in review or approved that would bar the other's draft.
 */
const precautionListV1 = seedUuid("risk-list/triggerpunktsinjektioner-forsiktighet/version/1");

async function userPageOf(page: Page, email: string): Promise<void> {
  await page.goto("/admin/anvandare");
  await page.getByTestId("users-table").getByRole("row").filter({ hasText: email }).getByRole("link").click();
  await expect(page.getByTestId("user-clinician-state")).toBeVisible();
}

test("a clinical change: the submit form says so, a reviewer without clinical authority is refused with a clear message, a clinician approves", async ({ page, browser, request }) => {
  const run = crypto.randomBytes(3).toString("hex");
  let versionUrl = "";

  await test.step("the editor rewords a risk and the submit form names it a clinical change", async () => {
    await signIn(page, "editor");
    await page.goto(`/admin/versioner/${precautionListV1}/redigera`);
    await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    const kind = page.getByTestId("submit-change-kind");
    await expect(kind).toHaveAttribute("data-change-kind", "EDITORIAL");
    await page.getByLabel("Ingress").fill(`Tala med en läkare före behandlingen om något av detta gäller dig (${run}):`);
    await expect(kind).toHaveAttribute("data-change-kind", "EDITORIAL");
    const risk = page.getByRole("group", { name: "Grupp 1", exact: true }).getByTestId("risk-item").first().getByLabel("Risk", { exact: true });
    await risk.fill(`${await risk.inputValue()} (${run})`);
    await expect(kind).toHaveAttribute("data-change-kind", "CLINICAL");
    await expect(kind).toContainText("Klinisk ändring: risker");
    await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    await snapshot(page, "submit-clinical-change");
    await page.getByLabel("Ändringsnotering till granskaren (intern)").fill(`Omformulerad risk ${run}`);
    await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("En risk är tydligare beskriven.");
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("change-kind")).toHaveAttribute("data-change-kind", "CLINICAL");
    await expect(page.getByTestId("change-kind")).toContainText("Klinisk ändring: risker (text, allvarlighet, frekvens eller övergående).");
    versionUrl = page.url();
  });

  const versionId = () => versionUrl.split("/").at(-1)!;

  await test.step("a reviewer who is not a clinician is not offered it: no approve form, the reason in words, not on the waiting list", async () => {
    await as(browser, "nonClinicianReviewer", async (reviewer) => {
      await reviewer.goto(versionUrl);
      await expect(reviewer.getByTestId("clinician-notice")).toHaveText(clinicianRequiredRefusal);
      await expect(reviewer.getByRole("button", { name: "Godkänn versionen" })).toHaveCount(0);
      await expect(reviewer.getByRole("button", { name: "Skicka tillbaka för ändringar" })).toBeVisible();
      await snapshot(reviewer, "non-clinician-notice");
      await reviewer.goto("/admin");
      await expect(reviewer.getByTestId("vantar-pa-granskning")).toBeVisible();
      await expect(reviewer.getByTestId("vantar-pa-granskning").locator(`a[href*="${versionId()}"]`)).toHaveCount(0);
    });
  });

  await test.step("the server refuses too: the approve form of a reviewer whose clinical authority the admin took away meanwhile gets the refusal", async () => {
    const reviewerEmail = e2eUsers().nonClinicianReviewer.email;
    const admin = await browser.newContext();
    const reviewerContext = await browser.newContext();
    try {
      const adminPage = await admin.newPage();
      await signIn(adminPage, "admin");
      await userPageOf(adminPage, reviewerEmail);
      await expect(adminPage.getByTestId("user-clinician-state")).toHaveText(clinicianLabels.no);
      await adminPage.getByRole("button", { name: clinicianLabels.grant }).click();
      await expect(adminPage.getByTestId("user-clinician-state")).toHaveText(clinicianLabels.yes);

      const reviewer = await reviewerContext.newPage();
      await signIn(reviewer, "nonClinicianReviewer");
      await reviewer.goto(versionUrl);
      await expect(reviewer.getByRole("button", { name: "Godkänn versionen" })).toBeVisible();
      await confirmReviewChecklist(reviewer, "approve");

      await adminPage.getByRole("button", { name: clinicianLabels.revoke }).click();
      await expect(adminPage.getByTestId("user-clinician-state")).toHaveText(clinicianLabels.no);

      await reviewer.getByRole("button", { name: "Godkänn versionen" }).click();
      await expect(reviewer.getByRole("alert").filter({ hasText: clinicianRequiredRefusal })).toBeVisible();
      await snapshot(reviewer, "non-clinician-refused");
      await reviewer.reload();
      await expect(reviewer.getByTestId("version-status")).toHaveText("under granskning");
      await expect(reviewer.getByTestId("decisions")).toHaveCount(0);

      // Both changes of the flag are in the account's audit trail.
      await adminPage.getByRole("link", { name: "Ändringar av kontot" }).click();
      await expect(adminPage.getByRole("row").filter({ hasText: "klinisk behörighet ändrad" })).toHaveCount(2);
    } finally {
      await admin.close();
      await reviewerContext.close();
    }
  });

  await test.step("a clinician reviewer approves it", async () => {
    await as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(versionUrl);
      await expect(reviewer.getByTestId("clinician-notice")).toHaveCount(0);
      await confirmReviewChecklist(reviewer, "approve");
      await reviewer.getByRole("button", { name: "Godkänn versionen" }).click();
      await expect(reviewer.getByTestId("decisions")).toContainText("Godkänd");
    });
  });

  await test.step("the admin publishes it, and the API tells consumers this version was a clinical update", async () => {
    await as(browser, "admin", async (admin) => {
      await admin.goto(versionUrl);
      const controls = admin.getByTestId("publish-controls");
      await controls.getByRole("button", { name: "Publicera nu" }).click();
      await expect(controls.getByTestId("publishing-confirmation")).toContainText("Versionen är publicerad.");
    });
    const list = (await (await request.get("/api/v1/risk-lists/triggerpunktsinjektioner-forsiktighet")).json()) as { version: { id: string; changeKind: string } };
    expect(list.version).toMatchObject({ id: versionId(), changeKind: "clinical" });
  });
});
