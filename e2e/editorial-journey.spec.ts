import crypto from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { e2eUsers, signIn, snapshot, stockholmLocalIn, confirmReviewChecklist } from "./fixtures";

// Issue 3's journey, as written there, through the UI of the production build: an editor changes the
// epidural risk list and the overview, a reviewer sends the article back with a comment on the edited
// block, the editor revises, the reviewer approves (the editor cannot, not even by a replayed request),
// an admin publishes one now and schedules the other, readers see it, the history shows it, and a
// second editor on the same draft gets the conflict screen. Only this spec edits these two items.

const overviewPath = "/artiklar/injektioner-mot-ryggsmarta";
const overviewTitle = "Injektioner kan hjälpa många typer av ryggsmärtor";
const epiduralListTitle = "Risker och biverkningar av epidurala steroidinjektioner";
const overviewV1 = seedUuid("article/injektioner-mot-ryggsmarta/version/1");

/** Unique per run, so that the texts found on the pages can only be this run's. */
const run = crypto.randomBytes(3).toString("hex");
const newRisk = `tillfällig huvudvärk efter injektionen (resa ${run})`;
const firstParagraph =
  "Rygginjektioner kan ge betydande smärtlindring för vissa människor. Läkare riktar in sig på specifika platser i ryggraden och musklerna för att ge den mest effektiva smärtlindringen.";
const editedParagraph = `Rygginjektioner kan ge betydande smärtlindring för vissa människor. Läkaren för in nålen på en bestämd plats i ryggraden eller musklerna (resa ${run}).`;
const revisedParagraph = `Rygginjektioner kan ge betydande smärtlindring för vissa människor. Läkaren för in nålen på en bestämd plats i ryggraden eller musklerna, med hjälp av genomlysning (resa ${run}).`;
const blockComment = "Skriv hur läkaren hittar rätt plats: nålen styrs med genomlysning.";

type Actor = { context: BrowserContext; page: Page };

async function signedIn(browser: Browser, who: "editor" | "secondEditor" | "reviewer" | "admin"): Promise<Actor> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return { context, page };
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
}

/** From the dashboard's title search to the item's page, as an editor finds it. */
async function openItemBySearch(page: Page, title: string): Promise<void> {
  await page.goto("/admin");
  await page.getByLabel("Titel på artikel eller risklista").fill(title);
  await page.getByRole("button", { name: "Sök" }).click();
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

async function submitForReview(page: Page, changeNote: string, readerNote: string): Promise<string> {
  await expectSaved(page);
  await page.getByLabel("Ändringsnotering till granskaren (intern)").fill(changeNote);
  await page.getByLabel("Vad har ändrats (visas för läsaren)").fill(readerNote);
  await page.getByRole("button", { name: "Skicka till granskning" }).click();
  await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("version-status")).toHaveText("under granskning");
  return new URL(page.url()).pathname;
}

/** The diff row of the paragraph this run rewrote (word-level: changed words are marked one by one). */
function rewrittenParagraphDiff(page: Page) {
  return page.getByTestId("diff-block").filter({ hasText: `resa ${run}` });
}

/** The first paragraph's rich-text field (a contenteditable textbox: its text is read with toHaveText). */
function firstParagraphBlock(page: Page) {
  return page.getByRole("group", { name: "Block 1: Stycke" }).getByLabel("Text", { exact: true });
}

test("issue 3's editorial journey: edit, review with changes requested, four-eyes, publish and schedule, read, history, conflict", async ({ browser }) => {
  test.setTimeout(240_000);
  const { reviewer: reviewerUser } = e2eUsers();
  // Who reviewed it, as the public page words it: "Senast granskad <datum> av <namn, titel, specialitet>".
  const reviewedBy = new RegExp(`^Senast granskad \\d{1,2} \\p{L}+ \\d{4} av ${reviewerUser.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, Överläkare, Smärtlindring$`, "u");
  const editor = await signedIn(browser, "editor");
  const reviewer = await signedIn(browser, "reviewer");
  let riskListVersion = "";
  let articleVersion = "";
  let revisedArticleVersion = "";
  let approveRequest: { actionId: string; body: string; versionId: string; contentHash: string } | null = null;

  await test.step("the editor adds a risk to the epidural risk list and submits it for review", async () => {
    const { page } = editor;
    await openItemBySearch(page, epiduralListTitle);
    await page.getByRole("button", { name: "Redigera" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");
    const group = page.getByRole("group", { name: "Grupp 1", exact: true });
    await group.getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
    const added = group.getByTestId("risk-item").last();
    await added.getByLabel("Risk", { exact: true }).fill(newRisk);
    await added.getByLabel("Hur vanlig").selectOption("UNCOMMON");
    await added.getByLabel("Övergående").check();
    await snapshot(page, "01 redaktören lägger till en risk");
    riskListVersion = await submitForReview(page, "Ny risk: tillfällig huvudvärk.", "Tillfällig huvudvärk har lagts till bland biverkningarna.");
  });

  await test.step("the editor rewrites the first paragraph of the overview and submits it for review", async () => {
    const { page } = editor;
    await openItemBySearch(page, overviewTitle);
    await page.getByRole("button", { name: "Redigera" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");
    await expect(firstParagraphBlock(page)).toHaveText(firstParagraph);
    await firstParagraphBlock(page).fill(editedParagraph);
    await snapshot(page, "02 redaktören skriver om första stycket");
    articleVersion = await submitForReview(page, "Första stycket omskrivet: hur läkaren hittar rätt plats.", "Första stycket beskriver nu hur injektionen ges.");
  });

  await test.step("the reviewer finds both in their queue and comments on the edited block of the article", async () => {
    const { page } = reviewer;
    await page.goto("/admin");
    const queue = page.getByRole("region", { name: /Väntar på din granskning/ });
    await expect(queue.getByRole("link", { name: epiduralListTitle })).toBeVisible();
    await queue.getByRole("link", { name: overviewTitle }).click();
    await expect(page).toHaveURL(articleVersion);

    const changed = rewrittenParagraphDiff(page);
    await expect(changed.locator("del").first()).toContainText("Läkare riktar");
    await expect(changed.locator("ins").first()).toContainText("Läkaren för");

    const blockChoice = page.getByLabel("Gäller");
    const firstBlock = await blockChoice.locator("option", { hasText: /^1\. Stycke: / }).getAttribute("value");
    await blockChoice.selectOption(firstBlock!);
    await page.getByRole("textbox", { name: "Kommentar", exact: true }).fill(blockComment);
    await page.getByRole("button", { name: "Lägg till kommentar" }).click();
    await expect(page.getByTestId("comments")).toContainText(`Om blocket 1. Stycke: Rygginjektioner`);
    await expect(changed.getByRole("list", { name: "Kommentarer på blocket" })).toContainText(blockComment);
  });

  await test.step("the reviewer requests changes on the article", async () => {
    const { page } = reviewer;
    await page.getByLabel("Vad behöver ändras?").fill("Se kommentaren på första stycket.");
    await page.getByRole("button", { name: "Skicka tillbaka för ändringar" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("ändringar begärda");
    await expect(page.getByTestId("decisions")).toContainText(`Ändringar begärda av ${reviewerUser.name}`);
    await snapshot(page, "03 granskaren begär ändringar");
  });

  await test.step("the editor sees the request on the dashboard and the comment on the version page", async () => {
    const { page } = editor;
    await page.goto("/admin");
    const requested = page.getByRole("region", { name: /Granskaren vill att du ändrar/ });
    await requested.getByRole("link", { name: overviewTitle }).click();
    await expect(page).toHaveURL(articleVersion);
    await expect(page.getByTestId("version-status")).toHaveText("ändringar begärda");
    await expect(page.getByTestId("comments")).toContainText(blockComment);
    await expect(page.getByTestId("comments")).toContainText("Se kommentaren på första stycket.");
    await expect(rewrittenParagraphDiff(page).getByRole("list", { name: "Kommentarer på blocket" })).toContainText(blockComment);
    await snapshot(page, "04 redaktören ser kommentaren");
  });

  await test.step("the editor revises the paragraph in a new draft and resubmits", async () => {
    const { page } = editor;
    await page.getByRole("button", { name: /^Revidera version \d+$/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");
    await expect(firstParagraphBlock(page)).toHaveText(editedParagraph);
    await firstParagraphBlock(page).fill(revisedParagraph);
    revisedArticleVersion = await submitForReview(page, "Genomlysning tillagd enligt granskarens kommentar.", "Första stycket beskriver nu hur injektionen ges.");
  });

  await test.step("the editor is shown no approve button on the version they wrote", async () => {
    const { page } = editor;
    await expect(page.getByRole("button", { name: "Godkänn versionen" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Godkänn" })).toHaveCount(0);
  });

  await test.step("the reviewer approves the risk list (its approve request is recorded)", async () => {
    const { page } = reviewer;
    await page.goto(riskListVersion);
    await expect(page.getByTestId("diff-risk").filter({ hasText: newRisk })).toContainText("Tillagt");
    const posted = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
    await confirmReviewChecklist(page);
    await page.getByRole("button", { name: "Godkänn versionen" }).click();
    const request = await posted;
    await expect(page.getByTestId("version-status")).toHaveText("godkänd");
    const contentHash = await page.getByTitle(/^[0-9a-f]{64}$/).getAttribute("title");
    approveRequest = {
      actionId: request.headers()["next-action"]!,
      body: request.postData() ?? "",
      versionId: riskListVersion.split("/").pop()!,
      contentHash: contentHash!,
    };
    expect(approveRequest.body).toContain(approveRequest.versionId);
    expect(approveRequest.body).toContain(approveRequest.contentHash);
  });

  await test.step("the same approve request, replayed from the editor's browser for their own version, is refused", async () => {
    const { page } = editor;
    const recorded = approveRequest!;
    const targetId = revisedArticleVersion.split("/").pop()!;
    const targetHash = await page.getByTitle(/^[0-9a-f]{64}$/).getAttribute("title");
    const body = recorded.body.replaceAll(recorded.versionId, targetId).replaceAll(recorded.contentHash, targetHash!);
    const answer = await page.evaluate(
      async ({ path, actionId, body }) => {
        const response = await fetch(path, { method: "POST", headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" }, body });
        return { status: response.status, text: await response.text() };
      },
      { path: revisedArticleVersion, actionId: recorded.actionId, body },
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"ok":false');
    expect(answer.text).toContain('"kind":"forbidden"');
    await page.reload();
    await expect(page.getByTestId("version-status")).toHaveText("under granskning");
    await expect(page.getByText("Inga beslut ännu.")).toBeVisible();
  });

  await test.step("the reviewer's second look: what changed since they sent it back, their comments beside the blocks, marked addressed", async () => {
    const { page } = reviewer;
    await page.goto(revisedArticleVersion);
    await expect(page.getByTestId("diff-baseline")).toContainText("versionen som skickades tillbaka med begärda ändringar");
    // Since the sent-back version only the added words differ; the earlier rewrite is not shown again.
    await expect(rewrittenParagraphDiff(page).locator("ins").filter({ hasText: "genomlysning" })).toBeVisible();
    await expect(rewrittenParagraphDiff(page).locator("del").filter({ hasText: "Läkare riktar" })).toHaveCount(0);
    const earlier = rewrittenParagraphDiff(page).getByTestId("earlier-block-comment");
    await expect(earlier).toContainText(blockComment);
    await expect(earlier.getByTestId("comment-addressed")).toHaveText("Åtgärdad: blocket har ändrats sedan dess");
    await expect(page.getByTestId("earlier-comments")).toContainText("Se kommentaren på första stycket.");
    await expect(page.getByTestId("full-history-link")).toHaveAttribute("href", new RegExp(`fran=${overviewV1}`));
    await snapshot(page, "05a granskarens andra titt");

    // The comparison with the published version is one click away, and back.
    await page.getByTestId("comparison-switch").getByRole("link").click();
    await expect(page).toHaveURL(/jamfor=publicerad/);
    await expect(page.getByTestId("diff-baseline")).toContainText("den publicerade versionen");
    await expect(rewrittenParagraphDiff(page).locator("del").filter({ hasText: "Läkare riktar" })).toBeVisible();
    await page.getByTestId("comparison-switch").getByRole("link").click();
    await expect(page.getByTestId("diff-baseline")).toContainText("versionen som skickades tillbaka");

    // The reviewer opens what readers will see.
    await page.getByTestId("preview-link").click();
    await expect(page.getByText(revisedParagraph)).toBeVisible();
    await snapshot(page, "05b granskarens förhandsvisning");
  });

  await test.step("the reviewer approves the revised article", async () => {
    const { page } = reviewer;
    await page.goto(revisedArticleVersion);
    await expect(rewrittenParagraphDiff(page).locator("ins").filter({ hasText: "genomlysning" })).toBeVisible();
    await confirmReviewChecklist(page);
    await page.getByRole("button", { name: "Godkänn versionen" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("godkänd");
    await expect(page.getByTestId("decisions")).toContainText(`Godkänd av ${reviewerUser.name}, Överläkare, Smärtlindring`);
    await snapshot(page, "05 granskaren godkänner artikeln");
  });

  const admin = await signedIn(browser, "admin");
  const soon = stockholmLocalIn(30);

  await test.step("the admin schedules the risk list a minute ahead and publishes the article now", async () => {
    const { page } = admin;
    await page.goto(riskListVersion);
    const listControls = page.getByTestId("publish-controls");
    await listControls.getByLabel("Publicera vid").fill(soon.local);
    await listControls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(listControls.getByTestId("scheduled-publish")).toContainText(soon.local.replace("T", " "));

    await page.goto(revisedArticleVersion);
    const articleControls = page.getByTestId("publish-controls");
    await articleControls.getByRole("button", { name: "Publicera nu" }).click();
    await expect(articleControls.getByText("Versionen är publicerad.")).toBeVisible();
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
  });

  await test.step("readers see the new paragraph and who reviewed it at once, and the new risk once its time has come", async () => {
    const { page } = admin;
    await page.goto(overviewPath);
    await expect(page.getByText(revisedParagraph)).toBeVisible();
    await expect(page.getByText(firstParagraph)).toHaveCount(0);
    const header = page.getByRole("article").locator("header").first();
    await expect(header.getByText(reviewedBy)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vad har ändrats" })).toBeVisible();
    await expect(page.getByText("Första stycket beskriver nu hur injektionen ges.")).toBeVisible();

    const epiduralRisks = page.getByRole("region", { name: epiduralListTitle });
    await expect(epiduralRisks.getByText(newRisk)).toHaveCount(0);
    // The one wait that is not on the page: the scheduler publishes at the chosen minute (it polls every 2 s).
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("region", { name: epiduralListTitle }).getByRole("listitem").filter({ hasText: newRisk })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: soon.at.getTime() - Date.now() + 30_000, intervals: [2_000] });
    await expect(page.getByText(revisedParagraph)).toBeVisible();
    await expect(header.getByText(reviewedBy)).toBeVisible();
    await snapshot(page, "06 den publicerade artikeln");
  });

  await test.step("the history lists every version and the diff shows the change since version 1", async () => {
    const { page } = editor;
    await openItemBySearch(page, overviewTitle);
    const rows = page.getByTestId("version-row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("publicerad");
    await expect(rows.nth(0)).toContainText(`Godkänd av ${reviewerUser.name}`);
    await expect(rows.nth(1)).toContainText("ändringar begärda");
    await expect(rows.nth(1)).toContainText(`Ändringar begärda av ${reviewerUser.name}`);
    await expect(rows.nth(2)).toContainText("ersatt");
    await page.getByRole("radio", { name: "Jämför från version 1" }).check();
    await page.getByRole("button", { name: "Jämför valda versioner" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/jamfor\\?.*fran=${overviewV1}`));
    await page.getByRole("link", { name: "Visa bara ändringar" }).click();
    await expect(page.getByTestId("diff-block")).toHaveCount(1);
    const changed = rewrittenParagraphDiff(page);
    await expect(changed.locator("del").first()).toContainText("Läkare riktar");
    await expect(changed.locator("ins").filter({ hasText: "genomlysning" })).toBeVisible();
    await snapshot(page, "07 historiken jämför version 1 och 3");
  });

  await test.step("a second editor on the same draft gets the conflict screen instead of overwriting", async () => {
    const { page } = editor;
    await openItemBySearch(page, overviewTitle);
    await page.getByRole("button", { name: "Redigera" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");

    const second = await signedIn(browser, "secondEditor");
    await openItemBySearch(second.page, overviewTitle);
    await second.page.getByRole("button", { name: "Redigera" }).click();
    await expect(second.page).toHaveURL(page.url());
    await expect(firstParagraphBlock(second.page)).toHaveText(revisedParagraph);

    const editorsText = `${revisedParagraph} Redaktörens tillägg.`;
    await firstParagraphBlock(page).fill(editorsText);
    await expectSaved(page);

    await firstParagraphBlock(second.page).fill(`${revisedParagraph} Den andra redaktörens tillägg.`);
    const conflict = second.page.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(conflict.getByRole("heading", { name: /Konflikt/ })).toBeVisible();
    await expect(conflict).toContainText("Redaktörens tillägg.");
    await expect(conflict).toContainText("Den andra redaktörens tillägg.");
    await snapshot(second.page, "08 konflikt hos den andra redaktören");

    await page.reload();
    await expect(firstParagraphBlock(page)).toHaveText(editorsText);
    await second.context.close();
  });

  await Promise.all([editor.context.close(), reviewer.context.close(), admin.context.close()]);
});
