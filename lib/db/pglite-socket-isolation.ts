import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * pglite-socket (0.2.17) serves every connection from PGlite's one session and queues their protocol
 * messages one by one, keeping a connection's turn only inside an SQL transaction. An extended-query batch
 * (Parse, Bind, Describe, Execute … Sync, what `pg` sends for every parameterised query) is not one, so
 * when a batch arrives over several TCP reads another connection's Parse can replace the unnamed statement
 * between this one's Parse and Bind: "bind message supplies 1 parameters, but prepared statement requires
 * 2", or rows for the wrong query. And a message that throws leaves the queue marked busy forever.
 * Both are electric-sql/pglite#1046 (fix proposed in pull request #977, not released); the embedded
 * database's pg-boss polling beside Prisma's queries hit the first under load.
 *
 * This gives the server's queue batch affinity: after a message of an extended-query batch, only the same
 * connection's messages are served until its Sync (or simple Query), and a connection that leaves gives
 * its turn up. A failed message is answered with its error and the queue goes on.
 * Tested by ./embedded-database.integration.test.ts, which fails without it.
 */

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

/** The fields of pglite-socket's internal QueryQueueManager that this replaces the scheduling of. */
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

/** Frontend messages that continue an extended-query batch (Parse, Bind, Describe, Execute, Close, Flush). */
const batchMessageTypes = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));

export function isolateExtendedQueryBatches(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: Partial<QueryQueue> }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== "function" || typeof queue.clearQueueForHandler !== "function" || !queue.db) {
    // A pglite-socket whose internals changed: refuse to start rather than serve a database that can mix up queries.
    throw new Error("pglite-socket's query queue is not the one lib/db/pglite-socket-isolation.ts patches: check electric-sql/pglite#1046 and update the patch");
  }
  const state = queue as QueryQueue;
  let batchOwner: number | null = null;

  state.processQueue = async function processQueue(): Promise<void> {
    if (state.processing || state.queue.length === 0) return;
    state.processing = true;
    try {
      while (state.queue.length > 0) {
        const owner = state.db.isInTransaction() ? state.lastHandlerId : batchOwner;
        const index = owner === null ? 0 : state.queue.findIndex((queued) => queued.handlerId === owner);
        // The owner's next message has not arrived yet: its enqueue starts the queue again.
        if (index === -1) break;
        const [next] = state.queue.splice(index, 1) as [QueuedMessage];
        batchOwner = batchMessageTypes.has(next.message[0]!) ? next.handlerId : null;
        state.lastHandlerId = next.handlerId;
        let bytes = 0;
        try {
          await state.db.runExclusive(() =>
            state.db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                next.onData(data);
              },
            }),
          );
        } catch (error) {
          next.reject(error);
          continue;
        }
        next.resolve(bytes);
      }
    } finally {
      state.processing = false;
    }
  };

  const clearQueueForHandler = state.clearQueueForHandler.bind(state);
  state.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    if (batchOwner !== handlerId) return;
    batchOwner = null;
    void state.processQueue();
  };
}
