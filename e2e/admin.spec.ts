import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel(/E-post/).fill(email);
  await page.getByLabel(/Lösenord/).fill(password);
  await page.getByRole("button", { name: /Logga in/ }).click();
}

test("an admin creates a user, changes their roles and deactivates them; sessions end and the audit trail shows it", async ({ page, browser }) => {
  const run = crypto.randomBytes(4).toString("hex");
  const newUser = { email: `ny-${run}@e2e.granskad.local`, name: `Nina Ny ${run}`, password: crypto.randomBytes(12).toString("base64url") };
  const userContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const userPage = await userContext.newPage();

  await test.step("the admin creates an editor through the form", async () => {
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Användare" }).click();
    await page.getByRole("link", { name: "Ny användare" }).click();
    await page.getByRole("button", { name: "Skapa användare" }).click();
    await expect(page.getByText("Välj minst en roll")).toBeVisible();
    await page.getByLabel("E-post").fill(newUser.email);
    await page.getByLabel("Namn").fill(newUser.name);
    await page.getByLabel(/^Titel/).fill("Sjuksköterska");
    await page.getByLabel(/^Specialitet/).fill("Smärtlindring");
    await page.getByRole("checkbox", { name: /^redaktör/ }).check();
    await page.getByLabel(/Tillfälligt lösenord/).fill(newUser.password);
    await page.getByRole("button", { name: "Skapa användare" }).click();
    await expect(page.getByText("Användaren är skapad.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(newUser.name);
  });

  await test.step("the new user signs in and sees their editor dashboard", async () => {
    await signInWith(userPage, newUser.email, newUser.password);
    await expect(userPage).toHaveURL(/\/admin/);
    await expect(userPage.getByRole("heading", { name: /Mina utkast/ })).toBeVisible();
    await expect(userPage.getByRole("heading", { name: /Väntar på din granskning/ })).toHaveCount(0);
  });

  await test.step("the admin adds the reviewer role; the user's session ends and their next sign-in has it", async () => {
    await page.getByRole("checkbox", { name: /^granskare/ }).check();
    await page.getByRole("button", { name: "Spara roller" }).click();
    await expect(page.getByTestId("user-roles-form").getByRole("status")).toContainText("Rollerna är sparade");
    await userPage.reload();
    await expect(userPage).toHaveURL(/\/logga-in/);
    await signInWith(userPage, newUser.email, newUser.password);
    await expect(userPage.getByRole("heading", { name: /Väntar på din granskning/ })).toBeVisible();
  });

  await test.step("the admin deactivates the user; their open session is sent to sign-in on the next page load", async () => {
    await page.getByRole("button", { name: "Inaktivera användaren" }).click();
    await expect(page.getByTestId("user-active-state")).toContainText("inaktiverat");
    await userPage.getByRole("link", { name: "Innehåll", exact: true }).click();
    await expect(userPage).toHaveURL(/\/logga-in/);
  });

  await test.step("the deactivated user cannot sign in", async () => {
    await signInWith(userPage, newUser.email, newUser.password);
    await expect(userPage.getByTestId("sign-in-form").getByRole("alert")).toContainText("Fel e-post eller lösenord");
    await expect(userPage).toHaveURL(/\/logga-in/);
  });

  await test.step("the admin finds the role change and the deactivation in the audit trail", async () => {
    await page.getByRole("link", { name: "Granskningslogg" }).click();
    await page.getByLabel("Händelse").selectOption("user.roles_changed");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await expect(page).toHaveURL(/action=user\.roles_changed/);
    const roleChange = page.getByTestId("audit-events").getByRole("row").filter({ hasText: newUser.email });
    await expect(roleChange).toContainText("roller ändrade");
    // jsonb keeps its own key order, so each pair is checked on its own.
    await expect(roleChange).toContainText(/before: EDITOR(;|$)/);
    await expect(roleChange).toContainText("after: EDITOR, REVIEWER");
    await expect(page.getByTestId("audit-events")).not.toContainText("användare inaktiverad");

    await page.getByLabel("Händelse").selectOption("user.deactivated");
    await page.getByRole("button", { name: "Filtrera" }).click();
    const deactivation = page.getByTestId("audit-events").getByRole("row").filter({ hasText: newUser.email });
    await expect(deactivation).toContainText("användare inaktiverad");
    await deactivation.getByRole("link", { name: newUser.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(newUser.name);
  });

  await test.step("a bad filter gets a field message, not an error page", async () => {
    await page.goto("/admin/logg?from=2026-02-30&action=nonsense");
    await expect(page.getByText("Ogiltigt datum")).toBeVisible();
    await expect(page.getByText("Välj en händelse i listan")).toBeVisible();
  });

  await userContext.close();
});

test("an editor sees no user administration and gets a 404 for it", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("link", { name: "Innehåll", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Användare" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Granskningslogg" })).toHaveCount(0);
  const users = await page.goto("/admin/anvandare");
  expect(users?.status()).toBe(404);
  const auditTrail = await page.goto("/admin/logg");
  expect(auditTrail?.status()).toBe(404);
});
