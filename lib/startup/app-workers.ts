import { getDb } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { mailerFromEnvironment } from "@/lib/notifications/mailer";
import { startNotificationWorkers } from "@/lib/notifications/notification-workers";
import { getJobQueue } from "@/lib/queue/job-queue";
import { startCdnPurgeWorkers } from "@/lib/webhooks/cdn-purge";
import { webhookAddressPolicy } from "@/lib/webhooks/webhook-address-rules";
import { startWebhookWorkers } from "@/lib/webhooks/webhook-workers";
import { startPublishingWorkers } from "@/lib/workflow/publishing-workers";

/** Whether this process runs the background workers, for the readiness check (lib/server/readiness.ts). */
export type AppWorkerStatus = "off" | "starting" | "running" | "failed";

// On globalThis: the workers start inside Next.js's bundle (instrumentation.ts) and the readiness check
// runs in the server entry, two module instances in one process.
const statusKey = Symbol.for("granskad.appWorkerStatus");
const holder = globalThis as { [statusKey]?: AppWorkerStatus };

export function appWorkerStatus(): AppWorkerStatus {
  if (process.env.GRANSKAD_WORKERS === "off") return "off";
  return holder[statusKey] ?? "starting";
}

/**
 * Starts this server's background workers (unless GRANSKAD_WORKERS=off, e.g. for a web-only instance,
 * which only starts the queue to send jobs).
 * Every app instance may run them: the queue gives each job to one. The server's graceful shutdown
 * (lib/server/http-server.ts) stops them, letting running jobs finish.
 */
export async function startAppWorkers(): Promise<void> {
  if (process.env.GRANSKAD_WORKERS === "off") {
    // Still queues jobs (webhooks, e-mails, purges) from its transactions: start the queue now rather than
    // inside the first publish's transaction. A failure is not cached; the first job tries again.
    await getJobQueue().catch((error) => console.error("[jobs] could not start the job queue; the first queued job will try again:", error));
    return;
  }
  holder[statusKey] = "starting";
  try {
    const queue = await getJobQueue();
    await startPublishingWorkers(queue, getDb(), { pollingIntervalSeconds: 2 });
    await startWebhookWorkers(queue, getDb(), { pollingIntervalSeconds: 2, policy: webhookAddressPolicy(), publicBaseUrl: publicBaseUrl() });
    await startCdnPurgeWorkers(queue, { pollingIntervalSeconds: 2 });
    const mailer = mailerFromEnvironment();
    await startNotificationWorkers(queue, getDb(), { pollingIntervalSeconds: 2, mailer });
    console.info(`[jobs] notification e-mails go to ${mailer.describe}`);
  } catch (error) {
    // The site still serves (but reports not ready); jobs stay queued in the database for the next start.
    holder[statusKey] = "failed";
    console.error("[jobs] could not start the background workers; scheduled publishing and webhooks are paused:", error);
    return;
  }
  holder[statusKey] = "running";
  console.info("[jobs] scheduled publishing, webhook delivery and notification workers started");
}
