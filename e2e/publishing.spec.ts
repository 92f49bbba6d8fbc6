import { expect, test } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { approvedVersionOf, as, signIn, snapshot, stockholmLocalIn } from "./fixtures";

/** Items no other spec changes: a procedure article, and the risk list its sibling article shows. */
const triggerPointArticleV1 = seedUuid("article/triggerpunktsinjektioner/version/1");
const nerveBlockRisksV1 = seedUuid("risk-list/nervblockader-biverkningar/version/1");

test("an admin publishes one version now, schedules another that then appears on its own (others see the schedule), and unpublishes", async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const newTitle = "Triggerpunktsinjektioner (uppdaterad e2e)";
  const newRisk = "Tillfällig domning i armen (e2e)";
  let articleVersionUrl = "";
  let riskVersionUrl = "";

  await test.step("an editor and a reviewer prepare two approved versions", async () => {
    const notes = { change: "E2e: publiceringstest.", reader: "Uppdaterad text." };
    articleVersionUrl = await approvedVersionOf(
      browser,
      triggerPointArticleV1,
      async (editor) => {
        await editor.getByLabel("Titel", { exact: true }).fill(newTitle);
      },
      notes,
    );
    riskVersionUrl = await approvedVersionOf(
      browser,
      nerveBlockRisksV1,
      async (editor) => {
        const group = editor.getByRole("group", { name: "Grupp 1", exact: true });
        await group.getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
        await group.getByTestId("risk-item").last().getByLabel("Risk", { exact: true }).fill(newRisk);
      },
      notes,
    );
  });

  await test.step("editors and reviewers see no publish controls", async () => {
    await as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(articleVersionUrl);
      await expect(reviewer.getByTestId("version-status")).toHaveText("godkänd");
      await expect(reviewer.getByTestId("publish-controls")).toHaveCount(0);
    });
  });

  await test.step("the admin's dashboard lists both approved versions as waiting, each linking to its publishing screen", async () => {
    await signIn(page, "admin");
    await page.goto("/admin");
    const waiting = page.getByTestId("godkant-vantar-publicering");
    const row = waiting.getByTestId("dashboard-row").filter({ hasText: newTitle });
    await expect(row).toContainText("godkänd");
    await expect(row).toContainText(/mindre än en timme/);
    await expect(waiting.getByTestId("dashboard-row").filter({ hasText: "Risker och biverkningar av nervblockader" })).toHaveCount(1);
    for (const id of ["godkant-vantar-publicering", "schemalagt", "forsenad-granskning", "senast-publicerat"]) await expect(page.getByTestId(id)).toBeVisible();
    await snapshot(page, "publicering 01 administratörens översikt");
    await row.getByRole("link", { name: /^Publicera/ }).click();
    await expect(page).toHaveURL(articleVersionUrl);
  });

  await test.step("the admin publishes the article now; the confirmation stays and links to the live page; anonymous readers see it from the next request on", async () => {
    // An anonymous reader (no cookie) is answered from the page cache until the publish.
    await expect.poll(async () => (await request.get("/artiklar/triggerpunktsinjektioner")).headers()["granskad-cache"]).toBe("hit");
    const controls = page.getByTestId("publish-controls");
    await expect(controls.getByTestId("publishing-state")).toHaveText("Godkänd och redo att publiceras.");
    await controls.getByRole("button", { name: "Publicera nu" }).click();
    await expect(controls.getByText("Versionen är publicerad.")).toBeVisible();
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
    const anonymous = await request.get("/artiklar/triggerpunktsinjektioner");
    expect(anonymous.headers()["granskad-cache"]).toBe("miss");
    expect(await anonymous.text()).toContain(newTitle);
    await expect(controls.getByTestId("publishing-confirmation")).toContainText("Versionen är publicerad.");
    await expect(controls.getByTestId("live-page-link")).toHaveAttribute("href", "/artiklar/triggerpunktsinjektioner");
    await expect(controls.getByRole("button", { name: "Publicera nu" })).toHaveCount(0);
    await snapshot(page, "publicering 02 publicerad");
    await page.goto("/admin");
    const published = page.getByTestId("senast-publicerat").getByTestId("dashboard-row").filter({ hasText: newTitle });
    await expect(published.getByRole("link", { name: /^Publicerad sida/ })).toHaveAttribute("href", "/artiklar/triggerpunktsinjektioner");
    await page.goto("/artiklar/triggerpunktsinjektioner");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  });

  await test.step("a schedule in the past is refused at the field; a later one can be cancelled", async () => {
    await page.goto(riskVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByLabel("Publicera vid").fill(stockholmLocalIn(-3600).local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByText("Tidpunkten måste ligga i framtiden")).toBeVisible();

    const tomorrow = stockholmLocalIn(24 * 3600);
    await controls.getByLabel("Publicera vid").fill(tomorrow.local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByTestId("scheduled-publish")).toContainText(tomorrow.local.replace("T", " "));
    await controls.getByRole("button", { name: "Avbryt schemaläggning" }).click();
    await expect(controls.getByText("Schemalagd publicering avbruten.")).toBeVisible();
    await expect(controls.getByTestId("scheduled-publish")).toHaveCount(0);
  });

  await test.step("the risk list scheduled a minute ahead is published on its own", async () => {
    const soon = stockholmLocalIn(45);
    const controls = page.getByTestId("publish-controls");
    await controls.getByLabel("Publicera vid").fill(soon.local);
    await controls.getByRole("button", { name: "Schemalägg publicering" }).click();
    await expect(controls.getByTestId("scheduled-publish")).toContainText(soon.local.replace("T", " "));
    await as(browser, "reviewer", async (reviewer) => {
      await reviewer.goto(riskVersionUrl);
      await expect(reviewer.getByTestId("schedule-notice")).toContainText(`Publiceras ${soon.local.replace("T", " ")}`);
      await expect(reviewer.getByTestId("publish-controls")).toHaveCount(0);
    });

    await page.goto("/artiklar/nervblockader");
    await expect(page.getByText(newRisk)).toHaveCount(0);
    await expect.poll(async () => (await request.get("/artiklar/nervblockader")).headers()["granskad-cache"]).toBe("hit");
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(newRisk)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: soon.at.getTime() - Date.now() + 60_000, intervals: [3_000] });
    // The scheduler's publish (background work) emptied the page cache as well.
    expect(await (await request.get("/artiklar/nervblockader")).text()).toContain(newRisk);

    await page.goto(riskVersionUrl);
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
  });

  await test.step("the admin unpublishes the article after confirming; its public page is gone", async () => {
    await page.goto(articleVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByRole("button", { name: "Avpublicera" }).click();
    await controls.getByRole("button", { name: "Nej, behåll publicerad" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
    await controls.getByRole("button", { name: "Avpublicera" }).click();
    await controls.getByRole("button", { name: "Ja, avpublicera" }).click();
    await expect(page.getByTestId("version-status")).toHaveText("avpublicerad");
    // The confirmation stays, links to the page that is now gone, and the next step is offered.
    await expect(controls.getByTestId("publishing-confirmation")).toContainText("Versionen är avpublicerad.");
    await expect(controls.getByTestId("publishing-confirmation").getByRole("link", { name: "/artiklar/triggerpunktsinjektioner" })).toBeVisible();
    await expect(controls.getByRole("button", { name: "Avpublicera" })).toHaveCount(0);
    await expect(controls.getByRole("button", { name: "Publicera igen" })).toBeVisible();
    await snapshot(page, "publicering 03 avpublicerad");
    const response = await page.goto("/artiklar/triggerpunktsinjektioner");
    expect(response?.status()).toBe(404);
    expect((await request.get("/artiklar/triggerpunktsinjektioner")).status()).toBe(404);
  });

  await test.step("the admin publishes the withdrawn version again from the same panel; readers see it again", async () => {
    await page.goto(articleVersionUrl);
    const controls = page.getByTestId("publish-controls");
    await controls.getByRole("button", { name: "Publicera igen" }).click();
    await expect(controls.getByTestId("publishing-confirmation")).toContainText("Versionen är publicerad igen.");
    await expect(page.getByTestId("version-status")).toHaveText("publicerad");
    await expect(controls.getByRole("button", { name: "Avpublicera" })).toBeVisible();
    const response = await page.goto("/artiklar/triggerpunktsinjektioner");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  });
});
