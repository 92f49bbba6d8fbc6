import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { E2eUsers } from "../scripts/e2e-users";
import { e2eUsersFile } from "../playwright.config";

/** The users serve.ts created for this run, with their random passwords. */
export function e2eUsers(): E2eUsers {
  return JSON.parse(fs.readFileSync(e2eUsersFile, "utf8")) as E2eUsers;
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
