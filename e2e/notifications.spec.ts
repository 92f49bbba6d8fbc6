import { expect, test, type Page } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { as, e2eUsers, signIn, snapshot } from "./fixtures";

/** The seeded epidural risk list, which no other spec changes. */
const epiduralV1 = seedUuid("risk-list/epidurala-injektioner-risker/version/1");

const unreadCount = async (page: Page) => {
  const label = await page.getByTestId("notification-bell").getAttribute("aria-label");
  return Number(/(\d+) olästa/.exec(label ?? "")?.[1] ?? 0);
};

test("a reviewer sees the bell after an editor submits, follows it to the version, and the e-mail is in the outbox", async ({ page, browser }) => {
  await test.step("the reviewer's bell before", async () => {
    await signIn(page, "reviewer");
    await page.goto("/admin");
  });
  const before = await unreadCount(page);

  const versionUrl = await test.step("the editor submits a new version", () =>
    as(browser, "editor", async (editor) => {
      await editor.goto(`/admin/versioner/${epiduralV1}/redigera`);
      await editor.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
      await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
      await editor.getByLabel("Ändringsnotering till granskaren (intern)").fill("Årlig genomgång (e2e-avisering).");
      await editor.getByLabel("Vad har ändrats (visas för läsaren)").fill("Genomläst.");
      await editor.getByRole("button", { name: "Skicka till granskning" }).click();
      await expect(editor).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
      // The author is not told about their own submission.
      await expect(editor.getByTestId("notification-bell")).toHaveAttribute("aria-label", /Aviseringar, (inga olästa|\d+ olästa)/);
      return editor.url();
    }),
  );

  await test.step("the bell counts one more, and the list links to the review screen", async () => {
    await page.reload();
    await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-label", `Aviseringar, ${before + 1} olästa`);
    await expect(page.getByTestId("notification-unread-count")).toHaveText(String(before + 1));
    await snapshot(page, "bell-after-submit");
    await page.getByTestId("notification-bell").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aviseringar");
    const entry = page.getByTestId("notification").first();
    await expect(entry).toContainText('Att granska: "Risker och biverkningar av epidurala steroidinjektioner"');
    await expect(entry).toContainText("Oläst");
    await snapshot(page, "notification-list");
    await entry.getByRole("button", { name: "Markera som läst" }).click();
    await expect(page.getByTestId("notification").first()).toContainText("Läst");
    await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-label", before === 0 ? "Aviseringar, inga olästa" : `Aviseringar, ${before} olästa`);
    await page.getByTestId("notification").first().getByRole("link").click();
    await expect(page).toHaveURL(versionUrl);
    await expect(page.getByRole("button", { name: "Godkänn versionen" })).toBeVisible();
  });

  await test.step("without SMTP the e-mail is written to the outbox, which the admin sees", () =>
    as(browser, "admin", async (admin) => {
      await admin.goto("/admin/utkorg");
      const message = admin.getByTestId("outbox").getByRole("listitem").filter({ hasText: "Att granska: \"Risker och biverkningar av epidurala" }).filter({ hasText: e2eUsers().reviewer.email });
      await expect(message.first()).toContainText(versionUrl, { timeout: 20_000 });
      await snapshot(admin, "outbox");
    }),
  );
});
