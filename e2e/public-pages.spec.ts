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

  await test.step("review metadata and the reader note are shown, in words for readers", async () => {
    const header = page.getByRole("article").locator("header").first();
    await expect(header.getByText(/Senast granskad \d{1,2} \p{L}+ \d{4} av .+, .+/u)).toBeVisible();
    await expect(header.getByText(/Texten granskas igen senast \d{1,2} \p{L}+ \d{4}/u)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Vad har ändrats" })).toBeVisible();
    // Version numbers are editorial: the feed and the admin carry them, readers' pages do not.
    await expect(page.getByRole("main")).not.toContainText(/version \d/i);
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

  await test.step("the cortisone risk list is shown in full once, with its items, serious risks marked in words", async () => {
    const kortison = page.getByRole("region", { name: "Biverkningar av kortison" });
    await expect(kortison).toHaveCount(1);
    await expect(kortison).toBeVisible();
    await expect(kortison.getByRole("listitem").filter({ hasText: "rodnad i ansiktet" })).toBeVisible();
    await expect(kortison.getByRole("listitem").filter({ hasText: "sömnlöshet" })).toBeVisible();
    const epiduralRisks = page.getByRole("region", { name: "Risker och biverkningar av epidurala steroidinjektioner" });
    await expect(epiduralRisks.getByRole("listitem").filter({ hasText: "stroke" })).toContainText("allvarlig");
  });
});

test("a reader on a phone finds a procedure, its risks and the feedback question from the table of contents", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/artiklar/injektioner-mot-ryggsmarta");
  const contents = page.getByRole("navigation", { name: "Innehåll" });

  await test.step("the table of contents lists every procedure, the feedback question and the comments", async () => {
    await expect(contents).toBeInViewport({ ratio: 0.5 });
    await expect(contents.getByRole("link")).toHaveText([...procedures.map((procedure) => procedure.title), "Viktiga takeaways", "Var det här till hjälp?", "Kommentarer"]);
  });

  await test.step("a procedure is a section with its own link", async () => {
    await contents.getByRole("link", { name: "Facettledsinjektioner" }).click();
    await expect(page).toHaveURL(/#behandling-facettledsinjektioner$/);
    await expect(page.getByRole("heading", { name: "Facettledsinjektioner", exact: true })).toBeInViewport();
  });

  await test.step("the cortisone list shown in full under the epidural injections is one tap away here", async () => {
    const facet = page.getByRole("region", { name: "Facettledsinjektioner", exact: true });
    const repeat = facet.locator("details").filter({ hasText: "Biverkningar av kortison" });
    await expect(repeat.locator("summary")).toHaveText("Biverkningar av kortison (samma lista som under Epidurala steroidinjektioner)");
    await expect(repeat.getByText("sömnlöshet")).toBeHidden();
    await repeat.locator("summary").click();
    await expect(repeat.getByText("sömnlöshet")).toBeVisible();
  });

  await test.step("the feedback question is one tap from the top", async () => {
    await page.goto("/artiklar/injektioner-mot-ryggsmarta");
    await contents.getByRole("link", { name: "Var det här till hjälp?" }).click();
    await expect(page.getByTestId("feedback").getByRole("button", { name: "Ja" })).toBeInViewport();
  });
});

test("a procedure has its own page", async ({ page }) => {
  const response = await page.goto("/artiklar/facettledsinjektioner");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Facettledsinjektioner" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Biverkningar av kortison" })).toBeVisible();
});

test("an unknown article answers 404 with a Swedish message and the site's search, once", async ({ page }) => {
  for (const path of ["/artiklar/finns-inte", "/sidan/finns-inte"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Till startsidan" })).toBeVisible();
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("banner").getByRole("searchbox")).toBeVisible();
  }
});
