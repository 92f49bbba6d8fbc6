import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { as, e2eUsers, signIn, snapshot } from "./fixtures";

// Issue 10's editorial experience: a reviewer sees formatting and an embedded risk list's items in the
// diff and opens the preview; the whole review loop done with the keyboard only; and every admin screen
// passes axe (WCAG 2.1 AA) at 375 and 1280 px without sideways scrolling, with a screenshot of each in
// the report. Only this spec edits the epidural steroid injection article (it never publishes it).

const epiduralArticle = seedUuid("article/epidurala-steroidinjektioner");
const epiduralArticleV1 = seedUuid("article/epidurala-steroidinjektioner/version/1");
const kortisonList = seedUuid("risk-list/biverkningar-av-kortison");
const run = crypto.randomBytes(3).toString("hex");
const boldWord = `Viktigt${run}`;

/** Presses Tab (at most `limit` times) until `target` has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

function firstParagraph(page: Page): Locator {
  return page.getByRole("group", { name: "Block 1: Stycke" }).getByLabel("Text", { exact: true });
}

test.describe.serial("the editorial experience", () => {
  let versionUrl = "";

  test("the reviewer sees formatting as formatting and an embedded list's items in the diff, and opens the preview", async ({ browser }) => {
    test.setTimeout(120_000);
    versionUrl = await as(browser, "editor", async (page) => {
      await page.goto(`/admin/versioner/${epiduralArticleV1}/redigera`);
      await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
      await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
      await firstParagraph(page).click();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(" ");
      await page.keyboard.press("ControlOrMeta+b");
      await page.keyboard.type(boldWord);
      await page.keyboard.press("ControlOrMeta+b");
      await expect(firstParagraph(page).locator("strong")).toHaveText(boldWord);
      await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
      await page.getByLabel("Ändringsnotering till granskaren (intern)").fill(`Fetstil tillagd (${run}).`);
      await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("Ett ord är framhävt.");
      await page.getByRole("button", { name: "Skicka till granskning" }).click();
      await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
      return new URL(page.url()).pathname;
    });

    await as(browser, "reviewer", async (page) => {
      await page.goto(versionUrl);
      const paragraph = page.getByTestId("diff-block").filter({ hasText: boldWord });
      await expect(paragraph.locator("ins strong")).toHaveText(boldWord);
      await expect(paragraph).not.toContainText("**");
      // The embedded risk lists show what readers would see from them: their published items.
      const kortison = page.getByTestId("diff-block").filter({ hasText: "Biverkningar av kortison" });
      await expect(kortison.getByTestId("diff-embedded-risks").first()).toContainText("binjurebarksvikt");
      await snapshot(page, "upplevelse 01 granskarens diff med formatering");

      await page.getByTestId("preview-link").click();
      await expect(page.getByText(/^Förhandsvisning – inte publicerad/)).toBeVisible();
      await expect(page.locator("strong").filter({ hasText: boldWord })).toBeVisible();
      await snapshot(page, "upplevelse 02 granskarens förhandsvisning");
    });
  });

  test("the review loop works with the keyboard only: sign in, find the work, comment, send back, revise, resubmit", async ({ page }) => {
    test.setTimeout(150_000);
    expect(versionUrl).not.toBe("");
    const { reviewer, editor } = e2eUsers();

    await test.step("the reviewer signs in and sends the version back, with the keyboard only", async () => {
      await page.goto("/logga-in");
      await tabTo(page, page.getByLabel(/E-post/));
      await page.keyboard.type(reviewer.email);
      await page.keyboard.press("Tab");
      await page.keyboard.type(reviewer.password);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/admin/);
      const row = page.getByTestId("vantar-pa-granskning").getByTestId("dashboard-row").filter({ hasText: "Epidurala steroidinjektioner" });
      await tabTo(page, row.getByRole("link", { name: /^Granska/ }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(versionUrl);
      await tabTo(page, page.getByRole("textbox", { name: "Kommentar", exact: true }));
      await page.keyboard.type(`Tangentbordskommentar ${run}`);
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Lägg till kommentar" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("comments")).toContainText(`Tangentbordskommentar ${run}`);
      await tabTo(page, page.getByLabel("Vad behöver ändras?"));
      await page.keyboard.type("Förklara varför ordet är framhävt.");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Skicka tillbaka för ändringar" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("version-status")).toHaveText("ändringar begärda");
      await snapshot(page, "upplevelse 03 skickad tillbaka med tangentbordet");
    });

    await test.step("the editor finds it, revises and resubmits, with the keyboard only", async () => {
      await page.context().clearCookies();
      await page.goto("/logga-in");
      await tabTo(page, page.getByLabel(/E-post/));
      await page.keyboard.type(editor.email);
      await page.keyboard.press("Tab");
      await page.keyboard.type(editor.password);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/admin/);
      const row = page.getByTestId("andringar-begarda").getByTestId("dashboard-row").filter({ hasText: "Epidurala steroidinjektioner" });
      await tabTo(page, row.getByRole("link", { name: /^Läs kommentarerna och revidera/ }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(versionUrl);
      await tabTo(page, page.getByRole("button", { name: /^Revidera version \d+$/ }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Redigera utkast");
      await tabTo(page, firstParagraph(page));
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(" Ordet är framhävt för att det är viktigt.");
      await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
      await tabTo(page, page.getByLabel("Ändringsnotering till granskaren (intern)"));
      await page.keyboard.type("Förklaring tillagd.");
      await tabTo(page, page.getByLabel("Vad har ändrats (visas för läsaren)"));
      await page.keyboard.type("Ett ord är framhävt och förklarat.");
      await tabTo(page, page.getByRole("button", { name: "Skicka till granskning" }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("version-status")).toHaveText("under granskning");
      // The revision is compared with what was sent back, the comment beside its block, addressed.
      await expect(page.getByTestId("diff-baseline")).toContainText("versionen som skickades tillbaka");
      await expect(page.getByTestId("earlier-comments")).toContainText(`Tangentbordskommentar ${run}`);
      await snapshot(page, "upplevelse 04 inskickad igen med tangentbordet");
    });
  });

  /** Every admin screen, as the role that works there. */
  const screens: { name: string; who: "editor" | "reviewer" | "admin"; path: () => string; heading: RegExp }[] = [
    { name: "översikt (redaktör)", who: "editor", path: () => "/admin", heading: /Översikt/ },
    { name: "översikt (granskare)", who: "reviewer", path: () => "/admin", heading: /Översikt/ },
    { name: "översikt (administratör)", who: "admin", path: () => "/admin", heading: /Översikt/ },
    { name: "allt innehåll", who: "editor", path: () => "/admin/innehall", heading: /innehåll/i },
    { name: "artikelns versioner", who: "editor", path: () => `/admin/artiklar/${epiduralArticle}`, heading: /Epidurala steroidinjektioner/ },
    { name: "risklistans versioner", who: "reviewer", path: () => `/admin/risklistor/${kortisonList}`, heading: /Biverkningar av kortison/ },
    { name: "version under granskning", who: "reviewer", path: () => versionUrl, heading: /Epidurala steroidinjektioner/ },
    { name: "publicerad version", who: "admin", path: () => `/admin/versioner/${epiduralArticleV1}`, heading: /Epidurala steroidinjektioner/ },
    { name: "jämförelse", who: "reviewer", path: () => `/admin/jamfor?fran=${epiduralArticleV1}&till=${versionUrl.split("/").pop()}`, heading: /Jämför versioner/ },
    { name: "förhandsvisning", who: "reviewer", path: () => `${versionUrl}/forhandsvisning`, heading: /Epidurala steroidinjektioner/ },
    { name: "ny artikel", who: "editor", path: () => "/admin/artiklar/ny", heading: /artikel/i },
    { name: "ny risklista", who: "editor", path: () => "/admin/risklistor/ny", heading: /risklista/i },
    { name: "användare", who: "admin", path: () => "/admin/anvandare", heading: /Användare/ },
    { name: "ny användare", who: "admin", path: () => "/admin/anvandare/ny", heading: /användare/i },
    { name: "händelselogg", who: "admin", path: () => "/admin/logg", heading: /logg|Händelse/i },
    { name: "återkoppling", who: "admin", path: () => "/admin/aterkoppling", heading: /Återkoppling|hjälp/i },
    { name: "läsarkommentarer", who: "admin", path: () => "/admin/kommentarer", heading: /ommentarer/ },
    { name: "webhooks", who: "admin", path: () => "/admin/webhooks", heading: /Webhook/i },
  ];

  test("every admin screen passes axe (WCAG 2.1 AA) at 375 and 1280 px, without scrolling sideways", async ({ browser }) => {
    test.setTimeout(240_000);
    expect(versionUrl).not.toBe("");
    for (const who of ["editor", "reviewer", "admin"] as const) {
      await as(browser, who, async (page) => {
        for (const screen of screens.filter((candidate) => candidate.who === who)) {
          for (const width of [375, 1280]) {
            await test.step(`${screen.name} at ${width} px`, async () => {
              await page.setViewportSize({ width, height: 900 });
              const response = await page.goto(screen.path());
              expect(response?.status(), screen.name).toBe(200);
              await expect(page.getByRole("heading", { level: 1 })).toHaveText(screen.heading);
              const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
              expect.soft(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(" ")) })), screen.name).toEqual([]);
              // What sticks out, if anything: the outermost elements wider than the window (not inside a scroll box).
              const sticksOut = await page.evaluate(() => {
                const limit = document.documentElement.clientWidth + 1;
                const scrolls = (element: Element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
                const inScrollBox = (element: Element) => {
                  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (scrolls(parent)) return true;
                  return false;
                };
                return [...document.body.querySelectorAll("*")]
                  .filter((element) => element.getBoundingClientRect().right > limit && !inScrollBox(element))
                  .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= limit || element.parentElement === document.body)
                  .slice(0, 5)
                  .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
              });
              expect.soft(sticksOut, `${screen.name} scrolls sideways at ${width} px`).toEqual([]);
              // And the page itself: something absolutely positioned inside a scroll box can still widen it.
              const pageWidth = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
              expect.soft(pageWidth.scroll, `${screen.name} page width at ${width} px`).toBeLessThanOrEqual(pageWidth.client + 1);
              await snapshot(page, `skärm ${screen.name} ${width}px`);
            });
          }
        }
      });
    }
  });
});

test("the first Tab stop of an admin screen shows the design system's focus ring", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element ? getComputedStyle(element).outlineStyle : "none";
  });
  expect(outline).not.toBe("none");
});
