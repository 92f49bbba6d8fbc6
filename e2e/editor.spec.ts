import { expect, test, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { e2eUsers, signIn } from "./fixtures";

/**
 * The seeded, published version 1 of the radiofrequency risk list. This spec leaves it in review, which
 * bars new drafts of it, so it is a list no other spec edits (the editorial journey owns the epidural one).
 */
const publishedRadiofrequencyRisks = seedUuid("risk-list/radiofrekvensablation-biverkningar/version/1");

function firstGroup(page: Page) {
  return page.getByRole("group", { name: "Grupp 1", exact: true });
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
}

test("an editor edits a risk-list draft with autosave, resolves a conflict with a second editor, and submits it", async ({ page, browser }) => {
  let editorUrl = "";

  await test.step("the published version is read-only and opens a draft from there", async () => {
    await signIn(page, "editor");
    await page.goto(`/admin/versioner/${publishedRadiofrequencyRisks}/redigera`);
    await expect(page.getByRole("note")).toContainText("kan inte redigeras");
    await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");
    editorUrl = page.url();
  });

  await test.step("an added risk is autosaved and still there after a reload", async () => {
    await firstGroup(page).getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
    const added = firstGroup(page).getByTestId("risk-item").last();
    await added.getByLabel("Risk", { exact: true }).fill("Tillfällig yrsel (e2e)");
    await added.getByLabel("Hur vanlig").selectOption("UNCOMMON");
    await expect(page.getByTestId("save-status")).toContainText("Osparade ändringar");
    await expectSaved(page);
    await page.reload();
    await expect(firstGroup(page).getByTestId("risk-item").last().getByLabel("Risk", { exact: true })).toHaveValue("Tillfällig yrsel (e2e)");
    await expect(firstGroup(page).getByTestId("risk-item").last().getByLabel("Hur vanlig")).toHaveValue("UNCOMMON");
  });

  await test.step("an empty required field is a field error, not a silent failure", async () => {
    await page.getByLabel("Rubrik / Title").fill("");
    await expect(page.getByTestId("save-status")).toContainText("rätta de markerade fälten", { timeout: 15_000 });
    await expect(page.getByText("Fältet får inte vara tomt")).toBeVisible();
    await page.getByLabel("Rubrik / Title").fill("Risker vid radiofrekvensablation");
    await expectSaved(page);
  });

  await test.step("after the session expires, typing is kept and offered back once signed in again", async () => {
    await page.context().clearCookies();
    await page.getByLabel("Ingress / Summary").fill("Skrivet efter utloggning (e2e)");
    await expect(page.getByTestId("save-status")).toContainText("Du har loggats ut", { timeout: 15_000 });
    await page.getByRole("link", { name: "Logga in igen" }).click();
    const { editor } = e2eUsers();
    await page.getByLabel(/E-post/).fill(editor.email);
    await page.getByLabel(/Lösenord/).fill(editor.password);
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page).toHaveURL(editorUrl);
    await expect(page.getByRole("heading", { name: "Osparade ändringar" })).toBeVisible();
    await page.getByRole("button", { name: "Återställ" }).click();
    await expect(page.getByLabel("Ingress / Summary")).toHaveValue("Skrivet efter utloggning (e2e)");
    await expectSaved(page);
  });

  await test.step("a second editor saves first; the first editor's save shows both texts and keeps theirs on request", async () => {
    const otherContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await otherContext.newPage();
    await signIn(other, "secondEditor");
    await other.goto(editorUrl);
    await other.getByLabel("Rubrik / Title").fill("Risker (andra redaktörens rubrik)");
    await expectSaved(other);
    await otherContext.close();

    await page.getByLabel("Rubrik / Title").fill("Risker (första redaktörens rubrik)");
    const conflict = page.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("save-status")).toContainText("Konflikt");
    await expect(conflict).toContainText("Risker (första redaktörens rubrik)");
    await expect(conflict).toContainText("Risker (andra redaktörens rubrik)");
    await conflict.getByRole("button", { name: "Behåll min version" }).click();
    await expectSaved(page);
    await expect(conflict).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Rubrik / Title")).toHaveValue("Risker (första redaktörens rubrik)");
  });

  await test.step("the preview shows the saved draft with the public risk-list markup", async () => {
    await page.goto(`${editorUrl.replace(/\/redigera$/, "")}/forhandsvisning`);
    await expect(page.getByRole("note")).toContainText("Förhandsvisning – inte publicerad");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risker (första redaktörens rubrik)");
    await expect(page.getByText("Tillfällig yrsel (e2e) (mindre vanlig)")).toBeVisible();
    await page.goto(editorUrl);
  });

  await test.step("submitting for review needs both notes and freezes the version", async () => {
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page.getByText("Beskriv ändringen för granskaren")).toBeVisible();
    await page.getByLabel("Ändringsnotering till granskaren (intern)").fill("Ny risk: tillfällig yrsel; ny rubrik.");
    await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("Vi har lagt till tillfällig yrsel bland biverkningarna.");
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page).toHaveURL(editorUrl.replace(/\/redigera$/, ""));
    await page.goto(editorUrl);
    await expect(page.getByRole("note")).toContainText("kan inte redigeras");
  });
});

test("an editor creates an article, is told about a taken address, adds blocks and previews them", async ({ page }) => {
  await signIn(page, "editor");

  await test.step("a taken address is a field error; a free one creates the draft and opens the editor", async () => {
    await page.getByRole("link", { name: "Ny artikel" }).click();
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByText("Fältet får inte vara tomt")).toHaveCount(2);
    await page.getByLabel("Rubrik / Title").fill("Radiofrekvensbehandling");
    await page.getByLabel("Adress (slug)").fill("facettledsinjektioner");
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByText("Adressen används redan")).toBeVisible();
    await page.getByLabel("Adress (slug)").fill("radiofrekvensbehandling-e2e");
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast: Radiofrekvensbehandling");
    await expect(page.getByText("Artikeln har inga block än.")).toBeVisible();
  });

  await test.step("blocks are added, filled in, reordered and autosaved", async () => {
    await page.getByLabel("Nytt block").selectOption("PARAGRAPH");
    await page.getByRole("button", { name: "Lägg till block" }).click();
    await page.getByRole("group", { name: "Block 1: Stycke" }).getByLabel("Text", { exact: true }).fill("Behandlingen tar **ungefär en timme**.");
    await page.getByLabel("Nytt block").selectOption("RISK_LIST");
    await page.getByRole("button", { name: "Lägg till block" }).click();
    await page.getByRole("group", { name: "Block 2: Risklista" }).getByLabel("Risklista").selectOption({ label: "Biverkningar av kortison" });
    await page.getByRole("button", { name: "Flytta upp Block 2: Risklista" }).click();
    await expect(page.getByRole("group", { name: "Block 1: Risklista" })).toBeVisible();
    await expectSaved(page);
  });

  await test.step("the preview renders the draft with the public components", async () => {
    await page.getByRole("link", { name: "Förhandsvisa (sparad text)" }).evaluate((link) => link.removeAttribute("target"));
    await page.getByRole("link", { name: "Förhandsvisa (sparad text)" }).click();
    await expect(page.getByRole("note")).toContainText("Förhandsvisning – inte publicerad");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Radiofrekvensbehandling");
    await expect(page.getByRole("heading", { level: 2, name: "Biverkningar av kortison" })).toBeVisible();
    await expect(page.locator("strong", { hasText: "ungefär en timme" })).toBeVisible();
  });
});
