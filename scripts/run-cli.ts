// The wrapper every CLI command runs in: a failure is one line on stderr and exit status 1, never a
// stack trace (set GRANSKAD_DEBUG=1 to see one).
import { z } from "zod";
import { configurePublicChangeAcks, publicAckTimeoutMsFrom, stopPublicChangeAcks } from "@/lib/content/public-change-acks";
import { DatabaseError, parseDatabaseUrl } from "@/lib/db/database-url";
import { stopJobQueue } from "@/lib/queue/job-queue";
import { wireDomainEvents } from "@/lib/startup/domain-event-wiring";

function oneLine(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
}

/** What to tell the user about `error`, in one line. */
function describeCliError(error: unknown): string {
  if (error instanceof DatabaseError) return oneLine(error.message);
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "input"}: ${issue.message}`);
    return `invalid input: ${oneLine(issues.join("; "))}`;
  }
  if (error instanceof Error) return oneLine(error.message) || error.name;
  return oneLine(String(error));
}

/**
 * `wireDomainEvents: false` is for the server entry (scripts/serve.ts): its operations run inside Next.js's
 * bundle, which wires its own copies of the subscribers from instrumentation.ts. The registry lives on
 * globalThis, so wiring here first would leave the bundle's wiring a no-op and every effect running this
 * module graph's copies (a `next/cache` that is not the server's: publishes that expire no cache).
 */
export async function runCli(main: () => Promise<void>, options: { wireDomainEvents?: boolean } = {}): Promise<void> {
  try {
    // Checked before anything connects, so a typo in DATABASE_URL is reported as such, not as a
    // connection failure somewhere deeper.
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) parseDatabaseUrl(databaseUrl);
    // A command that calls an operation has the same effects as the app (webhook deliveries queued).
    if (options.wireDomainEvents ?? true) {
      wireDomainEvents();
      // A public change made by a command waits for the listening instances as the server's own do.
      if (databaseUrl && process.env.GRANSKAD_PUBLIC_CHANGES !== "in-process") {
        await configurePublicChangeAcks({ url: databaseUrl, timeoutMs: publicAckTimeoutMsFrom(process.env) });
      }
    }
    await main();
    await stopJobQueue();
    await stopPublicChangeAcks();
  } catch (error) {
    console.error(`error: ${describeCliError(error)}`);
    if (process.env.GRANSKAD_DEBUG === "1" && error instanceof Error && error.stack) console.error(error.stack);
    // Exit now: an embedded database or a pool left open by the failed command would keep the process alive.
    process.exit(1);
  }
}
