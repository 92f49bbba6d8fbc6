import { startAppWorkers } from "./app-workers";
import { wireDomainEvents } from "./domain-event-wiring";

/** What a Granskad server does once when it starts: wire what operations cause, then start the job workers. */
export async function startApplication(): Promise<void> {
  wireDomainEvents();
  await startAppWorkers();
}
