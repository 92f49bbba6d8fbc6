import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { signIn } from "./fixtures";

// Medical terms explained (README, "Glossary"). The seed marks "kortison", "epiduralutrymmet" and
// "nervrot" in the epidural procedure; the reader gets each explanation through a link to the page's
// glossary, which needs no JavaScript. The editor part opens a draft of the facet-joint procedure, which
// no other spec edits, and never submits it.

const epiduralPage = "/artiklar/epidurala-steroidinjektioner";
const kortisonExplanation = "Ett läkemedel som dämpar inflammation, alltså svullnad och irritation i kroppens vävnader. Kortison är en sorts steroid.";
const publishedFacetJoints = seedUuid("article/facettledsinjektioner/version/1");

async function expectNoAxeViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map(({ id, nodes }) => ({ path, id, targets: nodes.map((node) => node.target.join(" ")) }))).toEqual([]);
}

test.describe("a glossary term on the public page, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("links to its explanation at the end of the article, which a screen reader reads as the link's description", async ({ page }) => {
    await page.goto(epiduralPage);
    const term = page.locator("main a.glossary-term", { hasText: "kortison" }).first();
    await expect(term).toHaveAttribute("href", "#ordlista-kortison");
    await expect(term).toHaveAccessibleName("kortison");
    await expect(term).toHaveAccessibleDescription(kortisonExplanation);

    const glossary = page.getByTestId("glossary");
    await expect(glossary.getByRole("heading", { name: "Ord och begrepp" })).toBeVisible();
    await expect(glossary.locator("dt")).toHaveText(["Kortison", "Epiduralutrymme", "Nervrot"]);

    await term.click();
    await expect(page).toHaveURL(/#ordlista-kortison$/);
    const entry = page.locator("#ordlista-kortison");
    await expect(entry).toBeInViewport();
    await expect(entry.locator("dd")).toHaveText(kortisonExplanation);

    // Each marked term in the text leads to its own entry.
    for (const [text, slug] of [
      ["epiduralutrymmet", "epiduralutrymme"],
      ["nervrot", "nervrot"],
    ]) {
      await expect(page.locator("main a.glossary-term", { hasText: text }).first()).toHaveAttribute("href", `#ordlista-${slug}`);
    }
  });

  test("the glossary page lists every published term, and the search finds a term", async ({ page }) => {
    await page.goto("/ordlista");
    await expect(page.getByRole("heading", { level: 1, name: "Ord och begrepp" })).toBeVisible();
    await expect(page.locator("#ordlista-nervrot dt")).toHaveText("Nervrot");

    await page.goto("/sok?q=nervrot");
    const hit = page.getByRole("link", { name: "Nervrot", exact: true });
    await expect(hit).toHaveAttribute("href", "/ordlista#ordlista-nervrot");
    await hit.click();
    await expect(page.locator("#ordlista-nervrot")).toBeInViewport();
  });

});

// axe runs as a script in the page, so these pages are checked with JavaScript on; the server renders the
// same markup either way.
for (const width of [375, 1280]) {
  test(`axe finds no WCAG 2.1 AA violations on the article with its glossary and on /ordlista at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [epiduralPage, `${epiduralPage}#ordlista-kortison`, "/ordlista"]) {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    }
  });
}

test("the editor flags a glossary term the text uses without marking it, and the hint goes once the editor marks it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  await page.goto(`/admin/versioner/${publishedFacetJoints}/redigera`);
  await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
  await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);

  const hints = page.getByTestId("glossary-hints");
  const kortisonHint = hints.getByTestId("glossary-hint").filter({ hasText: "Kortison" });
  await test.step("the hint names the term, the words found and the block", async () => {
    await expect(kortisonHint).toContainText("”kortison”");
    await expect(kortisonHint).toContainText(/block \d+/);
  });

  await test.step("selecting the word and choosing the term in the dialog marks it", async () => {
    const container = page.locator(".editor-rich-text").filter({ hasText: "en steroid som kortison" }).first();
    const field = container.locator(".editor-rich-text-input");
    await field.click();
    // With nothing selected the button says what to do first instead of opening the dialog.
    const termButton = container.getByRole("toolbar", { name: "Formatering av text" }).getByRole("button", { name: "Förklara ord" });
    await expect(termButton).toHaveAttribute("aria-disabled", "true");
    await expect(termButton).toHaveAttribute("title", /markera först ordet/);
    // Select the word "kortison" in the text, as a double click would.
    await field.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf("kortison") ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "kortison".length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error("no kortison in the field");
    });
    await page.waitForTimeout(100);
    await expect(termButton).not.toHaveAttribute("aria-disabled");
    await termButton.click();
    const dialog = page.getByTestId("glossary-term-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Term i ordlistan").selectOption({ label: "Kortison" });
    await dialog.getByRole("button", { name: "Markera" }).click();
    await expect(field.locator("span.editor-glossary-term", { hasText: "kortison" })).toBeVisible();
    await expect(kortisonHint).toHaveCount(0);
    const results = await new AxeBuilder({ page }).include("[data-testid=glossary-hints]").withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations).toEqual([]);
  });

  await test.step("the preview shows the explanation as readers will see it", async () => {
    // The autosave writes the marked text; the preview (signed in) shows the saved text.
    const preview = page.url().replace(/\/redigera$/, "/forhandsvisning");
    const reader = await page.context().newPage();
    await expect
      .poll(async () => {
        await reader.goto(preview);
        return reader.locator("a.glossary-term", { hasText: "kortison" }).count();
      }, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect(reader.locator("a.glossary-term", { hasText: "kortison" }).first()).toHaveAttribute("href", "#ordlista-kortison");
    await expect(reader.getByTestId("glossary").locator("#ordlista-kortison dd")).toHaveText(kortisonExplanation);
    await reader.close();
  });
});
