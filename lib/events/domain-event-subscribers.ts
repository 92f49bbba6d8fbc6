import type { DbTx } from "@/lib/db/client";
import type { DomainEvent } from "./domain-events";

/**
 * Runs inside the transaction that made the change, with its `tx`, before it commits: what it writes
 * commits with the change or not at all (webhook delivery rows and their jobs). A throw rolls the whole
 * operation back.
 */
export type InTransactionSubscriber = (event: DomainEvent, tx: DbTx) => Promise<void>;

/**
 * Runs after the change has committed (expiring this instance's cache). It cannot undo the change, so a
 * failure is logged and never reaches the caller. `background`: the operation ran outside any request
 * (lib/events/background-work.ts).
 */
export type AfterCommitSubscriber = (event: DomainEvent, context: { background: boolean }) => void | Promise<void>;

type Registry = {
  wired: boolean;
  inTransaction: Map<string, InTransactionSubscriber>;
  afterCommit: Map<string, AfterCommitSubscriber>;
};

// On globalThis: Next.js bundles instrumentation.ts (where the app wires its subscribers) apart from the
// routes and server actions that emit, and they must see one registry.
const holder = globalThis as unknown as { granskadDomainEventSubscribers?: Registry };
const registry = (holder.granskadDomainEventSubscribers ??= { wired: false, inTransaction: new Map(), afterCommit: new Map() });

/** Adds a subscriber under a unique name; returns how to remove it. */
export function subscribeInTransaction(name: string, subscriber: InTransactionSubscriber): () => void {
  return add(registry.inTransaction, name, subscriber);
}

export function subscribeAfterCommit(name: string, subscriber: AfterCommitSubscriber): () => void {
  return add(registry.afterCommit, name, subscriber);
}

function add<S>(subscribers: Map<string, S>, name: string, subscriber: S): () => void {
  if (subscribers.has(name)) throw new Error(`a domain event subscriber named ${name} is already subscribed`);
  subscribers.set(name, subscriber);
  return () => void subscribers.delete(name);
}

/** Called once the application's own subscribers are in (lib/startup/domain-event-wiring.ts). */
export function markDomainEventsWired(): void {
  registry.wired = true;
}

export function domainEventsAreWired(): boolean {
  return registry.wired;
}

/**
 * The subscribers of each phase. An operation with effects refuses to run before the application has
 * wired its subscribers: a publish that nobody would turn into cache invalidation and webhooks must fail,
 * not pass silently.
 */
export function wiredSubscribers(): { inTransaction: [string, InTransactionSubscriber][]; afterCommit: [string, AfterCommitSubscriber][] } {
  if (!registry.wired) {
    throw new Error("Domain events are not wired: the entry point must call wireDomainEvents() (lib/startup/domain-event-wiring.ts) first");
  }
  return { inTransaction: [...registry.inTransaction], afterCommit: [...registry.afterCommit] };
}
