import { getDb } from "@/lib/db/client";
import { syncSearchDocuments } from "@/lib/search/search-documents";
import { startAppWorkers } from "./app-workers";
import { wireDomainEvents } from "./domain-event-wiring";

/**
 * What a Granskad server does once when it starts: wire what operations cause, index for search whatever
 * was published without the operations (the seed, an imported corpus, content from before search),
 * then start the job workers.
 */
export async function startApplication(): Promise<void> {
  wireDomainEvents();
  await syncSearchDocuments(getDb());
  await startAppWorkers();
}
