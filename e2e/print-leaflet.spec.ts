import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";

// A clinic prints the overview for a patient: Chromium's own PDF output (page.pdf, print media), read back
// as text with unpdf. The leaflet carries the title, who reviewed it and when, every risk, the page's
// address and the print date; no navigation, forms or comments; each procedure starts a page, and no risk
// list is split across pages. What is expected is read from the read API, so it holds whatever other
// specs published before.

type RiskList = { title: string; groups: { items: { text: string }[] }[] };
type Block =
  | { type: "RISK_LIST"; riskList: RiskList }
  | { type: "PROCEDURE"; procedure: { title: string; blocks: Block[] } }
  | { type: "PARAGRAPH" | "HEADING" | "CALLOUT" | "BULLET_LIST" | "PROCEDURE_FACTS" | "KEY_TAKEAWAYS" | "REFERENCES" };
type Article = { title: string; review: { reviewer: { name: string } | null }; blocks: Block[] };

const overviewPath = "/artiklar/injektioner-mot-ryggsmarta";

/** Text as a reader sees it on paper: lines joined, runs of white space as one space. */
const flowing = (text: string) => text.replace(/\s+/g, " ").trim();

const swedishToday = () => new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(new Date());

function riskListsOf(blocks: Block[]): RiskList[] {
  return blocks.flatMap((block) => (block.type === "RISK_LIST" ? [block.riskList] : block.type === "PROCEDURE" ? riskListsOf(block.procedure.blocks) : []));
}

test("the overview prints as a patient leaflet", async ({ page, request, baseURL }, testInfo) => {
  const article = (await (await request.get(`/api/v1/articles/${overviewPath.split("/").pop()}`)).json()) as Article;
  const procedures = article.blocks.flatMap((block) => (block.type === "PROCEDURE" ? [block.procedure.title] : []));
  const riskLists = riskListsOf(article.blocks);
  const datesOfPrinting = [swedishToday()];

  const pages = await test.step("print the page to PDF and read its text", async () => {
    await page.goto(overviewPath);
    const pdf = await page.pdf({ format: "A4" });
    await testInfo.attach("utskrift.pdf", { body: pdf, contentType: "application/pdf" });
    datesOfPrinting.push(swedishToday());
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
    return text;
  });
  const all = flowing(pages.join("\n"));

  await test.step("the title, the review line, every risk, the address and the print date are on paper", async () => {
    expect(flowing(pages[0]!).startsWith(article.title)).toBe(true);
    expect(all).toMatch(new RegExp(`Senast granskad \\d{1,2} \\p{L}+ \\d{4} av ${article.review.reviewer!.name}`, "u"));
    expect(all).toMatch(/Texten granskas igen senast \d{1,2} \p{L}+ \d{4}/u);
    for (const item of riskLists.flatMap((list) => list.groups.flatMap((group) => group.items))) expect(all).toContain(item.text);
    const printed = flowing(pages.at(-1)!);
    expect(datesOfPrinting.some((date) => printed.includes(`Utskriven ${date} från ${baseURL}${overviewPath}`)), printed).toBe(true);
  });

  await test.step("nothing to click or fill in: no navigation, contents, feedback, comments or forms", async () => {
    for (const screenOnly of ["Hoppa till innehållet", "Patientinformation granskad av läkare", "Innehåll", "Var det här till hjälp?", "Kommentarer", "Lämna en kommentar", "Skicka kommentar", "Om risklistan och dess granskning"]) {
      expect(all).not.toContain(screenOnly);
    }
    // The table of contents would put the procedures' titles one after the other.
    expect(all).not.toContain(procedures.slice(0, 2).join(" "));
  });

  await test.step("every procedure starts a page", async () => {
    const pageStarts = pages.map((text) => flowing(text));
    for (const title of procedures) expect(pageStarts.some((start) => start.startsWith(title)), title).toBe(true);
  });

  await test.step("a risk list is printed whole on one page, under every procedure that shows it", async () => {
    for (const list of riskLists) {
      const items = list.groups.flatMap((group) => group.items.map((item) => item.text));
      const pagesWithList = pages.map(flowing).filter((text) => text.includes(list.title));
      expect(pagesWithList.length, list.title).toBeGreaterThan(0);
      for (const text of pagesWithList) for (const item of items) expect(text, `${list.title}: ${item}`).toContain(item);
    }
    const kortisonCopies = (all.match(/Biverkningar av kortison(?! kan)/g) ?? []).length;
    expect(kortisonCopies).toBe(riskLists.filter((list) => list.title === "Biverkningar av kortison").length);
  });
});
