import { expect, test, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { e2eUsers, signIn, confirmReviewChecklist } from "./fixtures";

/** The seeded SI-joint risk list (published version 1), used by the "Sacroiliaca ledinjektioner" article. */
const siRiskList = seedUuid("risk-list/si-ledinjektioner-biverkningar");
const siRiskListV1 = seedUuid("risk-list/si-ledinjektioner-biverkningar/version/1");
const itemPage = `/admin/risklistor/${siRiskList}`;

function firstGroup(page: Page) {
  return page.getByRole("group", { name: "Grupp 1", exact: true });
}

test("an editor changes a risk list, the reviewer sees the diff, comments and approves; the history compares versions", async ({ page, browser }) => {
  const { reviewer } = e2eUsers();
  let versionUrl = "";

  await test.step("the reviewer sees the risk list's versions and the article that uses it, without editing buttons", async () => {
    await signIn(page, "reviewer");
    await page.goto(itemPage);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risker och biverkningar av SI-ledinjektioner");
    await expect(page.getByTestId("version-row")).toHaveCount(1);
    await expect(page.getByTestId("version-row").first()).toContainText("publicerad");
    await expect(page.getByTestId("risk-list-usage")).toContainText("Sacroiliaca ledinjektioner");
    // Transitive usage: the procedure shows it directly, the overview through the procedure it embeds.
    const direct = page.getByTestId("risk-list-use").filter({ has: page.getByTestId("use-direct") });
    await expect(direct).toHaveCount(1);
    await expect(direct).toContainText("Sacroiliaca ledinjektioner");
    await expect(direct.getByTestId("use-direct")).toContainText("version 1, publicerad");
    const overview = page.getByTestId("risk-list-use").filter({ hasText: "Injektioner kan hjälpa många typer av ryggsmärtor" });
    await expect(overview.getByTestId("use-via")).toContainText("via proceduren Sacroiliaca ledinjektioner");
    await expect(overview.getByTestId("use-direct")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Redigera" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Återställ/ })).toHaveCount(0);
  });

  await test.step("an editor opens a draft from the item page, rewords a risk, adds one and submits", async () => {
    const editorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const editor = await editorContext.newPage();
    await signIn(editor, "editor");
    await editor.goto(itemPage);
    await editor.getByRole("button", { name: "Redigera" }).click();
    await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    const items = firstGroup(editor).getByTestId("risk-item");
    await items.first().getByLabel("Risk", { exact: true }).fill("tillfälliga svårigheter att stå på benet på den injicerade sidan");
    await firstGroup(editor).getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
    await items.last().getByLabel("Risk", { exact: true }).fill("tillfällig yrsel (e2e-granskning)");
    await expect(editor.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    await editor.getByLabel("Ändringsnotering till granskaren (intern)").fill("Omformulerad första risk, ny risk yrsel.");
    await editor.getByLabel("Vad har ändrats (visas för läsaren)").fill("Yrsel har lagts till bland biverkningarna.");
    await editor.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
    versionUrl = new URL(editor.url()).pathname;

    // The author is shown no decision forms, only why.
    await expect(editor.getByTestId("version-status")).toHaveText("under granskning");
    await expect(editor.getByRole("button", { name: "Godkänn versionen" })).toHaveCount(0);
    await editorContext.close();
  });

  await test.step("the reviewer sees what changed against the published version, word by word", async () => {
    await page.goto(versionUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risker och biverkningar av SI-ledinjektioner");
    await expect(page.getByText("Omformulerad första risk, ny risk yrsel.")).toBeVisible();
    await expect(page.getByText("Yrsel har lagts till bland biverkningarna.")).toBeVisible();
    await expect(page.getByTestId("diff-summary")).toContainText("1 tillagda, 0 borttagna, 1 ändrade");
    const reworded = page.getByTestId("diff-risk").first();
    await expect(reworded).toContainText("Ändrat");
    await expect(reworded.locator("del")).toContainText("bära vikt");
    await expect(reworded.locator("ins")).toContainText("stå");
    const added = page.getByTestId("diff-risk").last();
    await expect(added).toContainText("Tillagt");
    await expect(added.locator("ins").first()).toContainText("tillfällig yrsel (e2e-granskning)");
    await expect(page.getByTestId("risk-list-usage")).toContainText("Sacroiliaca ledinjektioner");
  });

  await test.step("the reviewer comments and approves with a chosen next review date", async () => {
    await page.getByRole("textbox", { name: "Kommentar", exact: true }).fill("Tydligare formulering, bra.");
    await page.getByRole("button", { name: "Lägg till kommentar" }).click();
    await expect(page.getByTestId("comments")).toContainText("Tydligare formulering, bra.");
    await expect(page.getByTestId("comments")).toContainText("Om hela versionen");

    await page.getByLabel("Nästa granskning senast").fill("2027-06-30");
    await confirmReviewChecklist(page);
    await page.getByRole("button", { name: "Godkänn versionen" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("godkänd");
    await expect(page.getByTestId("decisions")).toContainText(`Godkänd av ${reviewer.name}, Överläkare, Smärtlindring`);
    await expect(page.getByTestId("decisions")).toContainText("Nästa granskning senast 2027-06-30");
    await expect(page.getByRole("button", { name: "Godkänn versionen" })).toHaveCount(0);
  });

  await test.step("the history lists both versions and compares them with the same diff view", async () => {
    await page.goto(itemPage);
    await expect(page.getByTestId("version-row")).toHaveCount(2);
    await expect(page.getByTestId("version-row").first()).toContainText("godkänd");
    await expect(page.getByTestId("version-row").first()).toContainText(`Godkänd av ${reviewer.name}`);
    await page.getByRole("button", { name: "Jämför valda versioner" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/jamfor\\?.*fran=${siRiskListV1}`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Jämför versioner");
    await expect(page.getByTestId("diff-risk").last().locator("ins").first()).toContainText("tillfällig yrsel (e2e-granskning)");
    await expect(page.getByTestId("diff-risk")).toHaveCount(6);
    await page.getByRole("link", { name: "Visa bara ändringar" }).click();
    await expect(page.getByTestId("diff-risk")).toHaveCount(2);
    await expect(page.getByRole("link", { name: "Visa allt innehåll" })).toBeVisible();
  });

  await test.step("comparing versions of different items, or nonsense, is a message rather than an error", async () => {
    const otherList = seedUuid("risk-list/biverkningar-av-kortison/version/1");
    const response = await page.goto(`/admin/jamfor?fran=${siRiskListV1}&till=${otherList}`);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByTestId("compare-error")).toContainText("olika artiklar eller risklistor");
    await page.goto("/admin/jamfor?fran=nej");
    await expect(page.getByTestId("compare-error")).toContainText("Välj två versioner");
  });
});
