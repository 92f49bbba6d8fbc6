import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { e2eUsers, signIn, snapshot } from "./fixtures";

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

  await test.step("an empty required field is a field error that clears once fixed, even by typing back the saved text", async () => {
    const title = page.getByLabel("Titel", { exact: true });
    const savedTitle = await title.inputValue();
    await title.fill("");
    await expect(page.getByTestId("save-status")).toContainText("rätta de markerade fälten", { timeout: 15_000 });
    await expect(page.getByText("Fältet får inte vara tomt")).toBeVisible();
    await expect(title).toHaveAttribute("aria-invalid", "true");
    await title.fill(savedTitle);
    await expect(page.getByText("Fältet får inte vara tomt")).toHaveCount(0);
    await expect(title).not.toHaveAttribute("aria-invalid");
    await expectSaved(page);
    await page.getByRole("button", { name: "Spara nu" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Det fanns inget nytt att spara");

    await title.fill("");
    await page.getByLabel("Ingress").focus();
    await page.getByRole("button", { name: "Spara nu" }).click();
    await expect(page.getByTestId("save-status")).toContainText("rätta de markerade fälten");
    await expect(title).toBeFocused();
    await title.fill("Risker vid radiofrekvensablation");
    await expect(page.getByText("Fältet får inte vara tomt")).toHaveCount(0);
    await expectSaved(page);
  });

  await test.step("after the session expires, typing is kept and offered back once signed in again", async () => {
    await page.context().clearCookies();
    await page.getByLabel("Ingress").fill("Skrivet efter utloggning (e2e)");
    await expect(page.getByTestId("save-status")).toContainText("Du har loggats ut", { timeout: 15_000 });
    await page.getByRole("link", { name: "Logga in igen" }).click();
    const { editor } = e2eUsers();
    await page.getByLabel(/E-post/).fill(editor.email);
    await page.getByLabel(/Lösenord/).fill(editor.password);
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page).toHaveURL(editorUrl);
    await expect(page.getByRole("heading", { name: "Osparade ändringar" })).toBeVisible();
    const offer = page.getByRole("alertdialog", { name: "Osparade ändringar" });
    await expect(offer.getByRole("columnheader", { name: "Osparat i den här webbläsaren" })).toBeVisible();
    const summaryRow = offer.getByRole("row", { name: /Ingress/ });
    await expect(summaryRow).toContainText("Skrivet efter utloggning (e2e)");
    await expect(summaryRow).toContainText("[tillagt:");
    await snapshot(page, "editor-osparade-andringar");
    await page.getByRole("button", { name: "Återställ" }).click();
    await expect(page.getByLabel("Ingress")).toHaveValue("Skrivet efter utloggning (e2e)");
    await expectSaved(page);
  });

  await test.step("a second editor saves first; the first editor's save shows both texts and keeps theirs on request", async () => {
    const otherContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await otherContext.newPage();
    await signIn(other, "secondEditor");
    await other.goto(editorUrl);
    await other.getByLabel("Titel", { exact: true }).fill("Risker (andra redaktörens rubrik)");
    await expectSaved(other);
    await otherContext.close();

    await page.getByLabel("Titel", { exact: true }).fill("Risker (första redaktörens rubrik)");
    const conflict = page.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("save-status")).toContainText("Konflikt");
    await expect(conflict).toContainText("Risker (första redaktörens rubrik)");
    await expect(conflict).toContainText("Risker (andra redaktörens rubrik)");
    await expect(conflict.getByRole("heading", { level: 2 })).toHaveText(`Konflikt: ${e2eUsers().secondEditor.name} har sparat utkastet`);
    await expect(page.getByTestId("save-status")).toHaveText(`Konflikt – ${e2eUsers().secondEditor.name} har sparat utkastet`);
    await expect(conflict.getByTestId("conflict-saved-by")).toContainText(new RegExp(`^${e2eUsers().secondEditor.name} sparade utkastet \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} medan du skrev`));
    await snapshot(page, "editor-konflikt");
    await page.getByRole("button", { name: "Spara nu" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Välj först vilken text som ska gälla, i konflikten nedan.");
    await expect(conflict.getByRole("heading", { level: 2 })).toBeFocused();
    await conflict.getByRole("button", { name: "Behåll min version" }).click();
    await expectSaved(page);
    await expect(conflict).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue("Risker (första redaktörens rubrik)");
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

/** A paste as Word puts it on the clipboard: styles, Office tags, a heading, a list, a table, an image and three kinds of link. */
const wordClipboardHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->
<h1>Rubrik från Word</h1>
<p class=MsoNormal><b><span style='font-size:14pt;mso-bidi-font-weight:normal'>Fet</span></b> och <i>kursiv</i> och <u>understruken</u> och <span style="color:red">röd</span>
text med <a href="https://www.1177.se/x">en länk</a>, <a href="/admin">en intern</a> och <a href="javascript:alert(1)">en farlig</a>.<img src="bild.png"><o:p></o:p></p>
<ul><li>en punkt</li></ul><table><tr><td>en cell</td></tr></table><script>window.pasted = true</script><!--EndFragment--></body></html>`;

async function pasteHtml(page: Page, html: string, plain: string) {
  await page.evaluate(
    ({ clipboardHtml, clipboardText }) => {
      const data = new DataTransfer();
      data.setData("text/html", clipboardHtml);
      data.setData("text/plain", clipboardText);
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { clipboardHtml: html, clipboardText: plain },
  );
}

function block(page: Page, name: string) {
  return page.getByRole("group", { name, exact: true });
}

function richText(page: Page, blockName: string) {
  return block(page, blockName).getByLabel("Text", { exact: true });
}

/** Drags an item by its handle with the mouse, a little at a time, to just below the middle of `target`. */
async function dragHandle(page: Page, handleName: string, target: Locator) {
  const handle = page.getByRole("button", { name: handleName });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const steps = 15;
  for (let step = 1; step <= steps; step += 1) {
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + ((to.y + to.height * 0.75 - from.y - from.height / 2) * step) / steps);
  }
  await page.mouse.up();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an editor creates an article, writes with formatting instead of markup and restructures its blocks by mouse and keyboard", async ({ page }) => {
  test.setTimeout(150_000);
  const title = "Radiofrekvensbehandling – så går det till";
  await signIn(page, "editor");

  await test.step("the address is suggested from the title and stays editable; a taken one is a field error", async () => {
    await page.getByRole("link", { name: "Ny artikel" }).click();
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByText("Fältet får inte vara tomt")).toHaveCount(2);
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await expect(page.getByLabel("Adress (slug)")).toHaveValue("radiofrekvensbehandling-sa-gar-det-till");
    await expect(page.getByText("Fältet får inte vara tomt")).toHaveCount(0);
    await page.getByLabel("Adress (slug)").fill("facettledsinjektioner");
    await page.getByLabel("Titel", { exact: true }).fill(`${title} (utkast)`);
    await expect(page.getByLabel("Adress (slug)")).toHaveValue("facettledsinjektioner");
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByText("Adressen används redan")).toBeVisible();
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByLabel("Adress (slug)").fill("radiofrekvensbehandling-e2e");
    await page.getByRole("button", { name: "Skapa artikel" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Redigera utkast: ${title}`);
    await expect(page.getByText("Artikeln har inga block än.")).toBeVisible();
  });

  await test.step("a paragraph is written with Ctrl/Cmd+B, I and K, and never shows markup", async () => {
    await page.getByLabel("Nytt block").selectOption("PARAGRAPH");
    await page.getByRole("button", { name: "Lägg till block" }).click();
    const text = richText(page, "Block 1: Stycke");
    await expect(text).toBeFocused();
    await page.keyboard.type("Behandlingen tar ");
    await page.keyboard.press("ControlOrMeta+b");
    await page.keyboard.type("ungefär en timme");
    await expect(block(page, "Block 1: Stycke").getByRole("button", { name: "Fet" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ControlOrMeta+b");
    await page.keyboard.type(" och görs ");
    await page.keyboard.press("ControlOrMeta+i");
    await page.keyboard.type("med lokalbedövning");
    await page.keyboard.press("ControlOrMeta+i");
    await page.keyboard.type(". Läs mer hos ");
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = page.getByRole("dialog", { name: "Lägg till länk" });
    await expect(dialog.getByLabel("Länktext")).toBeFocused();
    await dialog.getByLabel("Länktext").fill("1177");
    await dialog.getByLabel("Webbadress").fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: "Spara länken" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Ange en webbadress som börjar med https:// eller http://");
    await dialog.getByLabel("Webbadress").fill("www.1177.se");
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(text).toBeFocused();
    await page.keyboard.type(".");
    await expect(text.locator("strong")).toHaveText("ungefär en timme");
    await expect(text.locator("em")).toHaveText("med lokalbedövning");
    await expect(text.locator("a")).toHaveAttribute("href", "https://www.1177.se");
    await expect(text).toHaveText("Behandlingen tar ungefär en timme och görs med lokalbedövning. Läs mer hos 1177.");
  });

  await test.step("pasting from Word keeps bold, italic and web links and nothing else", async () => {
    await page.getByRole("button", { name: "Infoga block före Block 1: Stycke" }).click();
    await expect(page.getByLabel("Typ av block")).toBeFocused();
    await page.getByLabel("Typ av block").selectOption("PARAGRAPH");
    await page.getByRole("button", { name: "Infoga", exact: true }).click();
    const pasted = richText(page, "Block 1: Stycke");
    await expect(pasted).toBeFocused();
    await pasteHtml(page, wordClipboardHtml, "Rubrik från Word Fet och kursiv");
    await expect(pasted).toContainText("Rubrik från Word");
    await expect(pasted.locator("strong")).toHaveText("Fet");
    await expect(pasted.locator("em")).toHaveText("kursiv");
    await expect(pasted.locator("a")).toHaveCount(1);
    await expect(pasted.locator("a")).toHaveAttribute("href", "https://www.1177.se/x");
    await expect(pasted).toContainText("en intern och en farlig");
    await expect(pasted.locator(":scope > :not(p)")).toHaveCount(0);
    await expect(pasted.locator("p *:not(strong, em, a)")).toHaveCount(0);
    expect(await page.evaluate(() => "pasted" in window)).toBe(false);
    await snapshot(page, "editor-rik-text");
  });

  await test.step("blocks are inserted anywhere, collapsed to a summary, moved by keyboard and by mouse, with the focus kept", async () => {
    await page.getByRole("button", { name: "Infoga block före Block 1: Stycke" }).click();
    await page.getByLabel("Typ av block").selectOption("HEADING");
    await page.getByRole("button", { name: "Infoga", exact: true }).click();
    await expect(block(page, "Block 1: Rubrik").getByLabel("Nivå")).toBeFocused();
    await block(page, "Block 1: Rubrik").getByLabel("Rubriktext").fill("Så går behandlingen till");
    await page.getByLabel("Nytt block").selectOption("RISK_LIST");
    await page.getByRole("button", { name: "Lägg till block" }).click();
    await expect(block(page, "Block 4: Risklista").getByLabel("Risklista", { exact: true })).toBeFocused();
    await block(page, "Block 4: Risklista").getByLabel("Risklista", { exact: true }).selectOption({ label: "Biverkningar av kortison" });

    await page.getByRole("button", { name: "Fäll ihop Block 3: Stycke" }).click();
    await expect(page.getByRole("button", { name: "Fäll ut Block 3: Stycke" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Fäll ut Block 3: Stycke" })).toHaveAttribute("aria-expanded", "false");
    await expect(block(page, "Block 3: Stycke")).toContainText("Behandlingen tar ungefär en timme och görs med lokalbedövning. Läs mer hos 1177.");
    await expect(richText(page, "Block 3: Stycke")).toBeHidden();

    // Keyboard: lift the risk list with Space, move it up one place, drop it with Space; what happens is
    // announced in Swedish, and each key waits for the announcement of the one before, as a listener would.
    const announcements = page.locator('[id^="DndLiveRegion"]');
    await page.getByRole("button", { name: "Dra och släpp Block 4: Risklista" }).focus();
    await page.keyboard.press("Space");
    await expect(announcements).toContainText("Block 4: Risklista är lyft, på plats 4 av 4.");
    await page.keyboard.press("ArrowUp");
    await expect(announcements).toContainText("Block 4: Risklista är över plats 3 av 4.");
    await page.keyboard.press("Space");
    await expect(announcements).toContainText("släpptes på plats 3 av 4.");
    await expect(block(page, "Block 3: Risklista")).toBeVisible();
    await expect(page.getByRole("button", { name: "Dra och släpp Block 3: Risklista" })).toBeFocused();

    // A window tall enough for the whole list, so that dragging never nears an edge (which scrolls).
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.getByRole("button", { name: "Fäll ihop alla" }).click();
    await dragHandle(page, "Dra och släpp Block 1: Rubrik", block(page, "Block 2: Stycke"));
    await expect(block(page, "Block 2: Rubrik")).toBeVisible();
    await expect(block(page, "Block 1: Stycke")).toContainText("Rubrik från Word Fet och kursiv");

    await page.getByRole("button", { name: "Flytta ned Block 1: Stycke" }).click();
    await expect(page.getByRole("button", { name: "Flytta ned Block 2: Stycke" })).toBeFocused();
    await page.getByRole("button", { name: "Flytta upp Block 2: Stycke" }).click();
    await expect(page.getByRole("button", { name: "Flytta upp Block 1: Stycke" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Dra och släpp Block 1: Stycke" })).toBeFocused();
    await snapshot(page, "editor-block-hopfallda");
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step("a block is duplicated, and a removal is undone", async () => {
    await page.getByRole("button", { name: "Duplicera Block 4: Stycke" }).click();
    await expect(page.getByRole("heading", { name: "Block 5: Stycke" })).toBeFocused();
    await expect(block(page, "Block 5: Stycke").getByLabel("Text", { exact: true })).toHaveText(
      "Behandlingen tar ungefär en timme och görs med lokalbedövning. Läs mer hos 1177.",
    );
    await page.getByRole("button", { name: "Ta bort Block 1: Stycke" }).click();
    const notice = page.getByTestId("removed-notice");
    await expect(notice).toContainText("Block 1: Stycke (”Rubrik från Word Fet och kursiv");
    await expect(page.getByRole("button", { name: "Ångra borttagningen" })).toBeFocused();
    await expect(block(page, "Block 1: Rubrik")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Block 1: Stycke" })).toBeFocused();
    await page.getByRole("button", { name: "Ta bort Block 5: Stycke" }).click();
    await page.getByRole("button", { name: "Stäng" }).click();
    await expect(page.locator(".editor-block-title")).toHaveText(["Block 1: Stycke", "Block 2: Rubrik", "Block 3: Risklista", "Block 4: Stycke"]);
    await expectSaved(page);
  });

  await test.step("after a reload the blocks, their order and their formatting are what was saved", async () => {
    await page.reload();
    await expect(page.locator(".editor-block-title")).toHaveText(["Block 1: Stycke", "Block 2: Rubrik", "Block 3: Risklista", "Block 4: Stycke"]);
    const text = richText(page, "Block 4: Stycke");
    await expect(text.locator("strong")).toHaveText("ungefär en timme");
    await expect(text.locator("a")).toHaveAttribute("href", "https://www.1177.se");
    await expect(page.getByTestId("save-status")).toContainText("Sparat");
  });

  await test.step("the editor passes axe at 1280 and 375 px, with the link dialog open too", async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole("button", { name: "Fäll ihop Block 2: Rubrik" }).click();
      await page.getByRole("button", { name: "Infoga block före Block 3: Risklista" }).click();
      await expectNoAxeViolations(page);
      // Reflow (WCAG 1.4.10): nothing wider than the window, so nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await snapshot(page, `editor-${width}px`);
      await page.keyboard.press("Escape");
      await richText(page, "Block 4: Stycke").click();
      await page.keyboard.press("ControlOrMeta+k");
      await expect(page.getByRole("dialog", { name: "Lägg till länk" })).toBeVisible();
      await expectNoAxeViolations(page);
      await snapshot(page, `editor-lankdialog-${width}px`);
      await page.keyboard.press("Escape");
      await expect(richText(page, "Block 4: Stycke")).toBeFocused();
      await page.getByRole("button", { name: "Fäll ut Block 2: Rubrik" }).click();
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step("the preview renders the formatting, from the stored text", async () => {
    await expectSaved(page);
    await page.getByRole("link", { name: "Förhandsvisa (sparad text)" }).evaluate((link) => link.removeAttribute("target"));
    await page.getByRole("link", { name: "Förhandsvisa (sparad text)" }).click();
    await expect(page.getByRole("note")).toContainText("Förhandsvisning – inte publicerad");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    // Under the article's own heading, the risk list is a subsection.
    await expect(page.getByRole("heading", { level: 2, name: "Så går behandlingen till" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Biverkningar av kortison" })).toBeVisible();
    await expect(page.locator("strong", { hasText: "ungefär en timme" })).toBeVisible();
    await expect(page.locator("em", { hasText: "med lokalbedövning" })).toBeVisible();
    await expect(page.getByRole("link", { name: "1177", exact: true })).toHaveAttribute("href", "https://www.1177.se");
    await expect(page.getByText("**")).toHaveCount(0);
  });
});
