import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { signIn, stockholmLocalIn } from "./fixtures";

/** Items no other spec changes: a procedure article, and the risk list its sibling article shows. */
const triggerPointArticleV1 = seedUuid("article/triggerpunktsinjektioner/version/1");
const nerveBlockRisksV1 = seedUuid("risk-list/nervblockader-biverkningar/version/1");

async function as<T>(browser: Browser, who: "editor" | "reviewer" | "admin", work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, who);
    return await work(page);
  } finally {
    await context.close();
  }
}

/** Through the editor's and the reviewer's own screens: a new version of `publishedVersionId`, approved. */
async function approvedVersionOf(browser: Browser, publishedVersionId: string, edit: (page: Page) => Promise<void>): Promise<string> {
  const versionUrl = await as(browser, "editor", async (page) => {
    await page.goto(`/admin/versioner/${publishedVersionId}/redigera`);
    await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    await edit(page);
    await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    await page.getByLabel("Ändringsnotering till granskaren (intern)").fill("E2e: publiceringstest.");
    await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("Uppdaterad text.");
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
    return page.url();
  });
  await as(browser, "reviewer", async (page) => {
    await page.goto(versionUrl);
    await page.getByRole("button", { name: "Godkänn versionen" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("godkänd");
  });
  return versionUrl;
}

test("an admin publishes one version now, schedules another that then appears on its own (others see the schedule), and unpublishes", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const newTitle = "Triggerpunktsinjektioner (uppdaterad e2e)";
  const newRisk = "Tillfällig domning i armen (e2e)";
  let articleVersionUrl = "";
  let riskVersionUrl = "";

  await test.step("an editor and a reviewer prepare two approved versions", async () => {
    articleVersionUrl = await approvedVersionOf(browser, triggerPointArticleV1, async (editor) => {
      await editor.getByLabel("Rubrik / Title").fill(newTitle);
    });
    riskVersionUrl = await approvedVersionOf(browser, nerveBlockRisksV1, async (editor) => {
      const group = editor.getByRole("group", { name: "Grupp 1", exact: true });
      await group.getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
      await group.getByTestId("risk-item").last().getByLabel("Risk", { exact: true }).fill(newRisk);
    });
  });

  await test.step("editors and reviewers see no publish controls", async () => {
    await as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(articleVersionUrl);
      await expect(reviewer.getByTestId("version-status")).toHaveText("godkänd");
      await expect(reviewer.getByTestId("publish-controls")).toHaveCount(0);
    });
  });

  await test.step("the admin publishes the article now and the public page shows it", async () => {
    await signIn(page, "admin");
    await page.goto(articleVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByRole("button", { name: "Publicera nu" }).click();
    await expect(controls.getByText("Versionen är publicerad.")).toBeVisible();
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
    await page.goto("/artiklar/triggerpunktsinjektioner");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  });

  await test.step("a schedule in the past is refused at the field; a later one can be cancelled", async () => {
    await page.goto(riskVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByLabel("Publicera vid").fill(stockholmLocalIn(-3600).local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByText("Tidpunkten måste ligga i framtiden")).toBeVisible();

    const tomorrow = stockholmLocalIn(24 * 3600);
    await controls.getByLabel("Publicera vid").fill(tomorrow.local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByTestId("scheduled-publish")).toContainText(tomorrow.local.replace("T", " "));
    await controls.getByRole("button", { name: "Avbryt schemaläggning" }).click();
    await expect(controls.getByText("Schemalagd publicering avbruten.")).toBeVisible();
    await expect(controls.getByTestId("scheduled-publish")).toHaveCount(0);
  });

  await test.step("the risk list scheduled a minute ahead is published on its own", async () => {
    const soon = stockholmLocalIn(45);
    const controls = page.getByTestId("publish-controls");
    await controls.getByLabel("Publicera vid").fill(soon.local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByTestId("scheduled-publish")).toContainText(soon.local.replace("T", " "));
    await as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(riskVersionUrl);
      await expect(reviewer.getByTestId("schedule-notice")).toContainText(`Publiceras ${soon.local.replace("T", " ")}`);
      await expect(reviewer.getByTestId("publish-controls")).toHaveCount(0);
    });

    await page.goto("/artiklar/nervblockader");
    await expect(page.getByText(newRisk)).toHaveCount(0);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(newRisk)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: soon.at.getTime() - Date.now() + 60_000, intervals: [3_000] });

    await page.goto(riskVersionUrl);
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
  });

  await test.step("the admin unpublishes the article after confirming; its public page is gone", async () => {
    await page.goto(articleVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByRole("button", { name: "Avpublicera" }).click();
    await controls.getByRole("button", { name: "Nej, behåll publicerad" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
    await controls.getByRole("button", { name: "Avpublicera" }).click();
    await controls.getByRole("button", { name: "Ja, avpublicera" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("avpublicerad");
    const response = await page.goto("/artiklar/triggerpunktsinjektioner");
    expect(response?.status()).toBe(404);
  });
});
