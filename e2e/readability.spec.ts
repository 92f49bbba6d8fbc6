import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { signIn } from "./fixtures";

// LIX while writing and in review (README, "Plain Swedish: LIX"). This spec drafts and submits a new
// version of the SI-joint procedure, which no other spec edits; its published version stays as it was.

const publishedSacroiliac = seedUuid("article/sacroiliaca-ledinjektioner/version/1");
const hardSentence =
  " Bedövningsmedelsinjektionen administreras transforaminalt under genomlysningsvägledning samt kontrastförstärkt fluoroskopisk positionskontroll enligt gällande behandlingsriktlinjer.";

async function lixOf(locator: Locator): Promise<number> {
  const text = (await locator.getByTestId("lix-value").first().textContent()) ?? "";
  const value = /LIX (\d+)/.exec(text)?.[1];
  if (value === undefined) throw new Error(`no LIX in "${text}"`);
  return Number(value);
}

test("LIX follows the editor's typing per block and for the article, highlights on request, and the reviewer sees before and after", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  await page.goto(`/admin/versioner/${publishedSacroiliac}/redigera`);
  await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
  await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);

  const article = page.getByTestId("article-readability");
  const firstParagraph = page.getByTestId("editor-block").filter({ has: page.getByTestId("block-readability") }).first();
  const blockHint = firstParagraph.getByTestId("block-readability");
  let blockBefore = 0;
  let articleBefore = 0;

  await test.step("the article and each text block show their LIX in words, as a hint", async () => {
    await expect(article).toContainText(/LIX \d+, (mycket lätt|lätt|medelsvår|svår|mycket svår): som /);
    await expect(blockHint).toContainText(/Läsbarhet: LIX \d+/);
    // Headings and risk-list blocks have none.
    expect(await page.getByTestId("block-readability").count()).toBeLessThan(await page.getByTestId("editor-block").count());
    blockBefore = await lixOf(blockHint);
    articleBefore = await lixOf(article);
    const results = await new AxeBuilder({ page }).include("[data-testid=article-readability]").include("[data-testid=block-readability]").withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
    expect(results.violations.map(({ id }) => id)).toEqual([]);
  });

  await test.step("typing a long, hard sentence raises both figures at once, before any save", async () => {
    const text = firstParagraph.getByLabel("Text", { exact: true });
    await text.click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(hardSentence);
    await expect.poll(() => lixOf(blockHint)).toBeGreaterThan(blockBefore);
    await expect.poll(() => lixOf(article)).toBeGreaterThan(articleBefore);
    await expect(blockHint).toContainText("Över målet för patienttext (högst 40)");
  });

  await test.step("on request, the longest sentences and the long words are highlighted", async () => {
    await expect(blockHint.getByTestId("lix-highlights")).toHaveCount(0);
    await blockHint.getByRole("button", { name: "Visa långa meningar och ord" }).click();
    await expect(blockHint.getByRole("button", { name: "Dölj långa meningar och ord" })).toHaveAttribute("aria-expanded", "true");
    // The two longest sentences of the block (18 and 14 words); the new one (12 words) is not among them.
    await expect(blockHint.getByTestId("lix-long-sentence")).toHaveCount(2);
    await expect(blockHint.getByTestId("lix-long-sentence").filter({ hasText: "En läkare kan injicera medicin" })).toHaveCount(1);
    await expect(blockHint.getByTestId("lix-long-sentence").filter({ hasText: "Bedövningsmedelsinjektionen" })).toHaveCount(0);
    await expect(blockHint.getByTestId("lix-long-word").filter({ hasText: "transforaminalt" })).toHaveCount(1);
    await expect(blockHint.getByTestId("lix-long-word").filter({ hasText: /^samt$/ })).toHaveCount(0);
  });

  await test.step("a text over the target still saves and can be submitted", async () => {
    await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    await page.getByLabel("Ändringsnotering till granskaren (intern)").fill("Lade till en mening om bedövning");
    await page.getByLabel("Vad har ändrats (visas för läsaren)").fill("Mer om bedövningen");
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
  });

  await test.step("the review screen shows LIX before and after for the changed block and the whole article", async () => {
    await expect(page.getByTestId("diff-article-lix")).toContainText("blev svårare");
    const changed = page.getByTestId("diff-block").filter({ hasText: "Bedövningsmedelsinjektionen" });
    await expect(changed.getByTestId("diff-lix")).toHaveCount(2);
    const [before, after] = await changed.getByTestId("diff-lix").allTextContents();
    expect(Number(/LIX (\d+)/.exec(after!)![1])).toBeGreaterThan(Number(/LIX (\d+)/.exec(before!)![1]));
  });
});
