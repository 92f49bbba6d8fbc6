import { expect, test } from "@playwright/test";

// The public pages as a reader sees them, over the seeded database the e2e server starts with.

const overviewTitle = "Injektioner kan hjälpa många typer av ryggsmärtor";
const procedures = [
  { title: "Epidurala steroidinjektioner", slug: "epidurala-steroidinjektioner" },
  { title: "Facettledsinjektioner", slug: "facettledsinjektioner" },
  { title: "Sacroiliaca ledinjektioner", slug: "sacroiliaca-ledinjektioner" },
  { title: "Triggerpunktsinjektioner", slug: "triggerpunktsinjektioner" },
  { title: "Radiofrekvensablation", slug: "radiofrekvensablation" },
  { title: "Nervblockader", slug: "nervblockader" },
];

test("the home page lists the published overview and leads to it", async ({ page }) => {
  await test.step("open the home page", async () => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  await test.step("follow the overview link", async () => {
    await page.getByRole("main").getByRole("link", { name: overviewTitle }).click();
    await expect(page).toHaveURL(/\/artiklar\/injektioner-mot-ryggsmarta$/);
    await expect(page.getByRole("heading", { level: 1, name: overviewTitle })).toBeVisible();
  });
});

test("the overview shows its review, every procedure and the cortisone risk list", async ({ page }) => {
  await test.step("open the overview", async () => {
    const response = await page.goto("/artiklar/injektioner-mot-ryggsmarta");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page).toHaveTitle(new RegExp(overviewTitle));
  });

  await test.step("review metadata and the reader note are shown", async () => {
    const header = page.getByRole("article").locator("header").first();
    await expect(header.getByText(/Senast granskad \d{1,2} \p{L}+ \d{4} av .+, .+/u)).toBeVisible();
    await expect(header.getByText(/Nästa granskning \d{1,2} \p{L}+ \d{4}/u)).toBeVisible();
    // The editorial journey may have published a newer version of the overview before this runs.
    await expect(header.getByText(/Version \d+/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vad har ändrats" })).toBeVisible();
  });

  await test.step("each of the six procedures is a section headed by a link to its own page", async () => {
    for (const procedure of procedures) {
      const heading = page.getByRole("heading", { name: procedure.title, exact: true });
      await expect(heading).toBeVisible();
      await expect(heading.getByRole("link")).toHaveAttribute("href", `/artiklar/${procedure.slug}`);
    }
  });

  await test.step("the procedure facts carry Swedish labels", async () => {
    const epidural = page.getByRole("region", { name: "Epidurala steroidinjektioner" });
    await expect(epidural.getByRole("term").filter({ hasText: "Läkemedel" })).toBeVisible();
    await expect(epidural.getByText("kortison, bedövningsmedel")).toBeVisible();
    await expect(epidural.getByRole("term").filter({ hasText: "Smärtlindringens varaktighet" })).toBeVisible();
  });

  await test.step("the cortisone risk list is shown with its items, serious risks marked in words", async () => {
    const kortison = page.getByRole("region", { name: "Biverkningar av kortison" }).first();
    await expect(kortison).toBeVisible();
    await expect(kortison.getByRole("listitem").filter({ hasText: "rodnad i ansiktet" })).toBeVisible();
    await expect(kortison.getByRole("listitem").filter({ hasText: "sömnlöshet" })).toBeVisible();
    const epiduralRisks = page.getByRole("region", { name: "Risker och biverkningar av epidurala steroidinjektioner" });
    await expect(epiduralRisks.getByRole("listitem").filter({ hasText: "stroke" })).toContainText("allvarlig");
  });
});

test("a procedure has its own page", async ({ page }) => {
  const response = await page.goto("/artiklar/facettledsinjektioner");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Facettledsinjektioner" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Biverkningar av kortison" })).toBeVisible();
});

test("an unknown article answers 404 with a Swedish message", async ({ page }) => {
  const response = await page.goto("/artiklar/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Till startsidan" })).toBeVisible();
});
