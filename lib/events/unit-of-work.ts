import type { Db, DbTx } from "@/lib/db/client";
import type { DomainFailure } from "@/lib/errors/domain-result";
import { logUnexpectedError } from "@/lib/http/log-unexpected-error";
import { isBackgroundWork } from "./background-work";
import { wiredSubscribers } from "./domain-event-subscribers";
import type { DomainEvent } from "./domain-events";

/** A committed operation: its value, and the events it emitted (in order). */
export type Committed<T> = { ok: true; value: T; events: readonly DomainEvent[] };
/** Any refusal: a typed failure, possibly with more detail for the caller (a stale save's stored text). */
export type Refusal = { ok: false; failure: DomainFailure };

export type EmitEvent = (event: DomainEvent) => void;

/**
 * A burst of operations on one version (many editors saving at once) queues for the pool's connections
 * and the version's row lock; each waits up to this long for its transaction to start (Prisma's default,
 * 2 s, turned such a burst into errors instead of conflicts).
 */
const transactionOptions = { maxWait: 10_000 } as const;

/** Thrown through Prisma's transaction to roll it back; carries the refusal out. */
class RolledBack<F> {
  constructor(readonly refusal: F) {}
}

/**
 * One transaction for one operation, and what its events cause. `work` writes through `tx` and emits
 * events; if it refuses (returns `ok: false`) everything it wrote is rolled back, so a refusal leaves
 * nothing behind. If it succeeds, the in-transaction subscribers run with the same `tx` (a throw there
 * rolls everything back and reaches the caller), the transaction commits, and then the after-commit
 * subscribers run, each on its own: their failures are logged, since the change is already committed.
 */
export async function commitWithEvents<T, F extends Refusal = Refusal>(
  db: Db,
  work: (tx: DbTx, emit: EmitEvent) => Promise<{ ok: true; value: T } | F>,
): Promise<Committed<T> | F> {
  const subscribers = wiredSubscribers();
  let committed: { value: T; events: DomainEvent[] };
  try {
    committed = await db.$transaction(async (tx) => {
      const events: DomainEvent[] = [];
      const result = await work(tx, (event) => void events.push(event));
      if (!result.ok) throw new RolledBack(result);
      for (const event of events) {
        for (const [, subscriber] of subscribers.inTransaction) await subscriber(event, tx);
      }
      return { value: result.value, events };
    }, transactionOptions);
  } catch (error) {
    if (error instanceof RolledBack) return error.refusal as F;
    throw error;
  }
  const context = { background: isBackgroundWork() };
  for (const event of committed.events) {
    for (const [name, subscriber] of subscribers.afterCommit) {
      try {
        await subscriber(event, context);
      } catch (error) {
        logUnexpectedError(error, { subscriber: name, event: event.type });
      }
    }
  }
  return { ok: true, value: committed.value, events: committed.events };
}
