import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eUsers, signIn, snapshot } from "./fixtures";

/*
 * Owners (issue 11.5): an editor creates an article and owns it; the admin deactivates the editor, is
 * warned that they own it, finds it under "Utan ansvarig" on the dashboard, follows the link and hands it
 * to another editor; the section lets it go.
 */
test("an admin deactivates an owner, finds the article under Utan ansvarig and reassigns it", async ({ page, browser }) => {
  const run = crypto.randomBytes(4).toString("hex");
  const owner = { email: `agare-${run}@e2e.granskad.local`, name: `Olle Ägare ${run}`, password: crypto.randomBytes(12).toString("base64url") };
  const title = `Ägd artikel ${run}`;
  const newOwner = e2eUsers().secondEditor;
  let userUrl = "";

  await test.step("the admin creates an editor account", async () => {
    await signIn(page, "admin");
    await page.goto("/admin/anvandare/ny");
    await page.getByLabel("E-post").fill(owner.email);
    await page.getByLabel("Namn").fill(owner.name);
    await page.getByRole("checkbox", { name: /^redaktör/ }).check();
    await page.getByLabel(/Tillfälligt lösenord/).fill(owner.password);
    await page.getByRole("button", { name: "Skapa användare" }).click();
    await expect(page.getByText("Användaren är skapad.")).toBeVisible();
    userUrl = new URL(page.url()).pathname;
  });

  await test.step("the editor creates an article, which is theirs by default", async () => {
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const editorPage = await context.newPage();
      await editorPage.goto("/logga-in");
      await editorPage.getByLabel(/E-post/).fill(owner.email);
      await editorPage.getByLabel(/Lösenord/).fill(owner.password);
      await editorPage.getByRole("button", { name: /Logga in/ }).click();
      await expect(editorPage).toHaveURL(/\/admin/);
      await editorPage.goto("/admin/artiklar/ny");
      await expect(editorPage.getByLabel("Ansvarig")).toHaveValue(/[0-9a-f-]{36}/);
      await expect(editorPage.getByLabel("Ansvarig").locator("option:checked")).toHaveText(owner.name);
      await editorPage.getByLabel("Titel", { exact: true }).fill(title);
      await editorPage.getByRole("button", { name: "Skapa artikel" }).click();
      await expect(editorPage).toHaveURL(/\/admin\/versioner\/[0-9a-f-]{36}\/redigera$/);
    } finally {
      await context.close();
    }
    await page.goto("/admin/innehall");
    await expect(page.getByTestId("innehallslista").getByRole("row").filter({ hasText: title }).getByTestId("item-owner")).toHaveText(owner.name);
  });

  await test.step("the deactivation screen says what the user owns; the admin deactivates them", async () => {
    await page.goto(userUrl);
    await expect(page.getByTestId("user-owned-items")).toContainText("Användaren äger 1 artikel.");
    await page.getByRole("button", { name: "Inaktivera användaren" }).click();
    await expect(page.getByTestId("user-active-state")).toContainText("inaktiverat");
  });

  await test.step("the article is under Utan ansvarig on the dashboard; its link opens the owner field", async () => {
    await page.goto("/admin");
    const row = page.getByTestId("utan-ansvarig").getByTestId("dashboard-row").filter({ hasText: title });
    await expect(row).toContainText(`ansvarig: ${owner.name} (inaktiverad)`);
    await snapshot(page, "utan-ansvarig");
    await row.getByRole("link", { name: /Välj ansvarig/ }).click();
    await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}#ansvarig$/);
    await expect(page.getByTestId("item-owner")).toContainText(owner.name);
    await expect(page.getByTestId("item-owner")).toContainText("kan inte längre vara ansvarig");
  });

  await test.step("the admin hands it to another editor; it leaves the section", async () => {
    const form = page.getByTestId("item-owner-form");
    // The deactivated owner is no choice.
    await expect(form.getByRole("option", { name: owner.name })).toHaveCount(0);
    await form.getByLabel("Byt ansvarig").selectOption({ label: `${newOwner.name}, Överläkare` });
    await form.getByRole("button", { name: "Spara ansvarig" }).click();
    await expect(form.getByRole("status")).toContainText("Ansvarig är ändrad.");
    await expect(page.getByTestId("item-owner")).toHaveText(new RegExp(`^${newOwner.name}`));
    await snapshot(page, "ny-ansvarig");
    await page.goto("/admin");
    await expect(page.getByTestId("utan-ansvarig")).toBeVisible();
    await expect(page.getByTestId("utan-ansvarig").getByTestId("dashboard-row").filter({ hasText: title })).toHaveCount(0);
  });
});
