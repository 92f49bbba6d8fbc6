import { getDb } from "@/lib/db/client";
import { getJobQueue, stopJobQueue } from "@/lib/queue/job-queue";
import { webhookPublicBaseUrl } from "@/lib/webhooks/content-event";
import { webhookAddressPolicy } from "@/lib/webhooks/webhook-address-rules";
import { startWebhookWorkers } from "@/lib/webhooks/webhook-workers";
import { startPublishingWorkers } from "@/lib/workflow/publishing-workers";

/**
 * Starts this server's background workers (unless GRANSKAD_WORKERS=off, e.g. for a web-only instance)
 * and stops them on SIGTERM. Every app instance may run them: the queue gives each job to one.
 */
export async function startAppWorkers(): Promise<void> {
  if (process.env.GRANSKAD_WORKERS === "off") return;
  try {
    const queue = await getJobQueue();
    await startPublishingWorkers(queue, getDb(), { pollingIntervalSeconds: 2 });
    await startWebhookWorkers(queue, getDb(), { pollingIntervalSeconds: 2, policy: webhookAddressPolicy(), publicBaseUrl: webhookPublicBaseUrl() });
  } catch (error) {
    // The site still serves; scheduled jobs and webhook deliveries stay queued in the database for the next start.
    console.error("[jobs] could not start the background workers; scheduled publishing and webhooks are paused:", error);
    return;
  }
  process.once("SIGTERM", () => {
    // Let a running job finish; a job cut off mid-way rolls back and runs again after a restart.
    void stopJobQueue(5_000).finally(() => {
      // Next.js's own SIGTERM handler exits the process; without one, end it as SIGTERM would have.
      if (process.listenerCount("SIGTERM") === 0) process.kill(process.pid, "SIGTERM");
    });
  });
  console.info("[jobs] scheduled publishing and webhook delivery workers started");
}
