import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { E2eUsers } from "../scripts/e2e-users";
import { e2eUsersFile } from "../playwright.config";
import { reviewChecklistLabels } from "../lib/labels/sv";

/** Ticks every item of the whole-page review checklist in the approval or re-attestation form `form`. */
export async function confirmReviewChecklist(page: Page, form: "approve" | "reattest" = "approve"): Promise<void> {
  const checklist = page.getByTestId(`${form}-checklist`);
  for (const label of Object.values(reviewChecklistLabels)) await checklist.getByLabel(label).check();
}

/** The users serve.ts created for this run, with their random passwords. */
export function e2eUsers(): E2eUsers {
  return JSON.parse(fs.readFileSync(e2eUsersFile, "utf8")) as E2eUsers;
}

/** A full-page screenshot in the test's output folder and report, to look at each stage as a person would. */
export async function snapshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}

/** Signs `page` in through the real sign-in form. */
export async function signIn(page: Page, who: keyof E2eUsers): Promise<void> {
  const user = e2eUsers()[who];
  await page.goto("/logga-in");
  await page.getByLabel(/E-post/).fill(user.email);
  await page.getByLabel(/Lösenord/).fill(user.password);
  await page.getByRole("button", { name: /Logga in/ }).click();
  await expect(page).toHaveURL(/\/admin/);
}

/** "YYYY-MM-DDTHH:mm" in Swedish time, `secondsAhead` from now, rounded up to a whole minute. */
export function stockholmLocalIn(secondsAhead: number): { local: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + secondsAhead * 1000) / 60_000) * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { local: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`, at };
}

/** Does `work` in a fresh browser context signed in as `who`, and closes the context afterwards. */
export async function as<T>(browser: Browser, who: keyof E2eUsers, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, who);
    return await work(page);
  } finally {
    await context.close();
  }
}

/**
 * Through the editor's and the reviewer's own screens: a new version of `publishedVersionId`, changed by
 * `edit`, submitted with `notes` and approved. Returns the new version's admin URL.
 */
export async function approvedVersionOf(
  browser: Browser,
  publishedVersionId: string,
  edit: (page: Page) => Promise<void>,
  notes: { change: string; reader: string },
): Promise<string> {
  const versionUrl = await as(browser, "editor", async (page) => {
    await page.goto(`/admin/versioner/${publishedVersionId}/redigera`);
    await page.getByRole("button", { name: "Öppna utkastet (nytt eller pågående)" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    await edit(page);
    await expect(page.getByTestId("save-status")).toContainText("Sparat", { timeout: 15_000 });
    await page.getByLabel("Ändringsnotering till granskaren (intern)").fill(notes.change);
    await page.getByLabel("Vad har ändrats (visas för läsaren)").fill(notes.reader);
    await page.getByRole("button", { name: "Skicka till granskning" }).click();
    await expect(page).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}$/);
    return page.url();
  });
  await as(browser, "reviewer", async (page) => {
    await page.goto(versionUrl);
    await confirmReviewChecklist(page);
    await page.getByRole("button", { name: "Godkänn versionen" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("godkänd");
  });
  return versionUrl;
}
