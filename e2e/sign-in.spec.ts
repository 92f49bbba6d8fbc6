import { expect, test } from "@playwright/test";
import { e2eUsers, signIn } from "./fixtures";

test("an editor signs in, sees the admin, and signs out", async ({ page }) => {
  const users = e2eUsers();
  await test.step("the admin sends an anonymous visitor to sign-in", async () => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/logga-in\?callbackUrl=%2Fadmin/);
  });
  await test.step("a wrong password is refused with a message", async () => {
    await page.getByLabel(/E-post/).fill(users.editor.email);
    await page.getByLabel(/Lösenord/).fill("fel-lösenord");
    await page.getByRole("button", { name: /Logga in/ }).click();
    await expect(page.getByTestId("sign-in-form").getByRole("alert")).toContainText("Fel e-post eller lösenord");
  });
  await test.step("the right password signs in", async () => {
    await signIn(page, "editor");
    await expect(page.getByRole("banner")).toContainText(users.editor.name);
    await expect(page.getByRole("link", { name: "Användare" })).toHaveCount(0);
  });
  await test.step("signing out ends the session", async () => {
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/logga-in/);
  });
});
