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
