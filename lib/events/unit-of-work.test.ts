import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db, DbTx } from "@/lib/db/client";
import { inBackgroundWork } from "./background-work";
import { markDomainEventsWired, subscribeAfterCommit, subscribeInTransaction } from "./domain-event-subscribers";
import type { DomainEvent } from "./domain-events";
import { commitWithEvents } from "./unit-of-work";

/*
 * The two phases around one transaction. A stand-in database records what happens in which order: the
 * transaction itself (and rolling it back on a throw) is the database's job, tested with a real one in
 * lib/webhooks/webhook-delivery.integration.test.ts and lib/startup/domain-event-wiring.integration.test.ts.
 */
const steps: string[] = [];
const tx = { name: "the transaction" } as unknown as DbTx;
const db = {
  $transaction: async (work: (tx: DbTx) => Promise<unknown>) => {
    steps.push("begin");
    try {
      const result = await work(tx);
      steps.push("commit");
      return result;
    } catch (error) {
      steps.push("rollback");
      throw error;
    }
  },
} as unknown as Db;

const event: DomainEvent = { type: "comment.deleted", commentId: "c", articleId: "a", actorId: "u", occurredAt: new Date() };
const removals: (() => void)[] = [];

afterEach(() => {
  for (const remove of removals.splice(0)) remove();
  steps.length = 0;
  vi.restoreAllMocks();
});

describe("commitWithEvents", () => {
  it("refuses to run an operation before the application has wired its subscribers", async () => {
    await expect(commitWithEvents(db, async () => ({ ok: true, value: 1 }))).rejects.toThrow(/not wired/);
    expect(steps).toEqual([]);
  });

  it("runs in-transaction subscribers with the transaction before it commits, and after-commit subscribers after", async () => {
    markDomainEventsWired();
    removals.push(
      subscribeInTransaction("in", async (received, receivedTx) => void steps.push(`in:${received.type}:${receivedTx === tx}`)),
      subscribeAfterCommit("after", (received, context) => void steps.push(`after:${received.type}:${context.background}`)),
    );
    const result = await commitWithEvents(db, async (_tx, emit) => {
      steps.push("work");
      emit(event);
      return { ok: true, value: "done" };
    });
    expect(result).toEqual({ ok: true, value: "done", events: [event] });
    expect(steps).toEqual(["begin", "work", "in:comment.deleted:true", "commit", "after:comment.deleted:false"]);
  });

  it("rolls back a refusal: no subscriber hears of its events, and the refusal is returned as it was", async () => {
    markDomainEventsWired();
    removals.push(subscribeInTransaction("in", async () => void steps.push("in")), subscribeAfterCommit("after", () => void steps.push("after")));
    const refusal = { ok: false as const, failure: { kind: "conflict" as const, message: "nej" }, detail: 42 };
    expect(await commitWithEvents(db, async (_tx, emit) => (emit(event), refusal))).toBe(refusal);
    expect(steps).toEqual(["begin", "rollback"]);
  });

  it("logs an after-commit failure instead of failing the committed operation, and tells subscribers about background work", async () => {
    markDomainEventsWired();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    removals.push(
      subscribeAfterCommit("broken", () => {
        throw new Error("cache unavailable");
      }),
      subscribeAfterCommit("after", (_received, context) => void steps.push(`after:${context.background}`)),
    );
    const result = await inBackgroundWork(() => commitWithEvents(db, async (_tx, emit) => (emit(event), { ok: true as const, value: 1 })));
    expect(result.ok).toBe(true);
    expect(steps).toEqual(["begin", "commit", "after:true"]);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ subscriber: "broken", err: expect.objectContaining({ message: "cache unavailable" }) }),
      "unexpected error",
    );
  });
});
