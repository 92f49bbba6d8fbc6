import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { seedUuid } from "../lib/content/seed-content";
import { verifyWebhookSignature } from "../lib/webhooks/webhook-signature";
import { approvedVersionOf, signIn } from "./fixtures";

/** A risk list no other spec changes (editor.spec.ts leaves the radiofrequency list in review). */
const triggerPointPrecautionsV1 = seedUuid("risk-list/triggerpunktsinjektioner-forsiktighet/version/1");

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A subscriber on this machine (the e2e server allows the host 127.0.0.1, and only that, in production). */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { received, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("an admin registers a receiver, sees its secret once, publishes, and the signed delivery shows in the log", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  const receiverUrl = `http://127.0.0.1:${receiver.port}/granskad`;
  let secret = "";
  try {
    await test.step("private addresses are refused; the allowed receiver is registered and its secret shown once", async () => {
      await signIn(page, "admin");
      await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Webhooks" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
      const form = page.getByTestId("create-webhook-form");

      await form.getByLabel("Mottagarens adress").fill("ftp://mottagare.example.se/");
      await form.getByRole("button", { name: "Lägg till webhook" }).click();
      await expect(form.getByText("Ange en adress som börjar med http:// eller https://")).toBeVisible();

      await form.getByLabel("Mottagarens adress").fill(`http://localhost:${receiver.port}/granskad`);
      await form.getByRole("button", { name: "Lägg till webhook" }).click();
      await expect(form.getByText(/är inte publik/)).toBeVisible();

      await form.getByLabel("Mottagarens adress").fill(receiverUrl);
      await form.getByLabel("Avpublicering").uncheck();
      await form.getByRole("button", { name: "Lägg till webhook" }).click();
      const shown = page.getByTestId("webhook-secret");
      await expect(shown).toContainText("visas bara den här gången");
      secret = (await shown.locator("code").textContent()) ?? "";
      expect(secret).toMatch(/^whsec_/);

      const row = page.getByTestId("webhooks-table").getByRole("row").filter({ hasText: receiverUrl });
      await expect(row).toContainText("Publicering");
      await expect(row).toContainText("aktiv");
      await page.reload();
      await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
      await expect(page.getByText(secret)).toHaveCount(0);
    });

    let versionUrl = "";
    await test.step("an editor and a reviewer prepare an approved version of a risk list", async () => {
      versionUrl = await approvedVersionOf(
        browser,
        triggerPointPrecautionsV1,
        async (editor) => {
          const group = editor.getByRole("group", { name: "Grupp 1", exact: true });
          await group.getByRole("button", { name: "Lägg till risk i grupp 1" }).click();
          await group.getByTestId("risk-item").last().getByLabel("Risk", { exact: true }).fill("Övergående värmekänsla (e2e)");
        },
        { change: "E2e: webhooktest.", reader: "En ny risk." },
      );
    });

    await test.step("the admin publishes; the receiver gets one signed event and the log shows it delivered", async () => {
      await page.goto(versionUrl);
      const controls = page.getByTestId("publish-controls");
      await controls.getByRole("button", { name: "Publicera nu" }).click();
      await expect(controls.getByText("Versionen är publicerad.")).toBeVisible();

      await page.goto("/admin/webhooks");
      await page.getByRole("link", { name: receiverUrl }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(receiverUrl);
      const delivery = page.getByTestId("webhook-delivery");
      await expect(async () => {
        await page.reload();
        await expect(delivery).toHaveCount(1);
        await expect(delivery).toContainText("levererad", { timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await expect(delivery).toContainText("Publicering");
      await expect(delivery.getByRole("cell").nth(1)).toHaveText("1");
      await expect(delivery.getByRole("cell").nth(2)).toHaveText("204");

      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      const signed = verifyWebhookSignature({
        secret,
        timestamp: request?.headers["granskad-timestamp"] as string,
        signature: request?.headers["granskad-signature"] as string,
        body: request?.body ?? "",
      });
      expect(signed).toBe(true);
      expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
        event: "content.published",
        id: request?.headers["idempotency-key"],
        item: { type: "risk_list", slug: "triggerpunktsinjektioner-forsiktighet" },
        version: { id: versionUrl.split("/").pop() },
      });
    });

    await test.step("the admin deactivates and deletes the webhook", async () => {
      await page.getByRole("button", { name: "Inaktivera" }).click();
      await expect(page.getByTestId("webhook-active-state")).toContainText("Inaktiverad");
      await page.getByRole("button", { name: "Ta bort…" }).click();
      await page.getByRole("button", { name: "Ja, ta bort webhooken och dess logg" }).click();
      await expect(page).toHaveURL(/\/admin\/webhooks$/);
      await expect(page.getByText(receiverUrl)).toHaveCount(0);
    });
  } finally {
    await receiver.close();
  }
});
