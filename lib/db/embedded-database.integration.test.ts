import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";

// pglite-socket serves every connection from one PGlite session. Without batch affinity
// (./pglite-socket-isolation.ts) the Parse/Bind/Execute/Sync of one connection interleave with another's
// and bind against its unnamed statement: "bind message supplies 1 parameters, but prepared statement
// requires 2" (electric-sql/pglite#1046), which pg-boss's polling beside Prisma's queries hit under load.
describe("the embedded database over the wire protocol", () => {
  let database: EmbeddedDatabase;
  beforeAll(async () => {
    database = await startEmbeddedDatabase();
  });
  afterAll(async () => {
    await database?.stop();
  });

  it("keeps each connection's extended-protocol batches apart, so concurrent parameterised queries never bind another's statement", async () => {
    const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: database.url }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      // Each client asks with a different number of parameters, so an interleaving is a bind error; the
      // long first parameter splits each Bind over several TCP reads, where another connection's turn comes.
      const long = "x".repeat(256 * 1024);
      const rounds = await Promise.all(
        clients.map(async (client, index) => {
          const numbers = Array.from({ length: index }, (_, position) => position + 1 + index * 10);
          const sql = ["SELECT length($1::text)", ...numbers.map((_, position) => `$${position + 2}::int`)].join(" + ") + " AS sum";
          const sums: number[] = [];
          for (let round = 0; round < 40; round += 1) {
            const result = await client.query<{ sum: number }>(sql, [long, ...numbers]);
            sums.push(result.rows[0]!.sum);
          }
          return { expected: long.length + numbers.reduce((total, value) => total + value, 0), sums };
        }),
      );
      for (const { expected, sums } of rounds) expect(new Set(sums)).toEqual(new Set([expected]));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  it("still serves the others when a connection leaves in the middle of a batch", async () => {
    const leaving = new pg.Client({ connectionString: database.url });
    const staying = new pg.Client({ connectionString: database.url });
    leaving.on("error", () => undefined);
    await Promise.all([leaving.connect(), staying.connect()]);
    // A Bind of several megabytes is still arriving when the connection goes.
    const abandoned = leaving.query("SELECT length($1::text) AS value", ["x".repeat(4 * 1024 * 1024)]).catch(() => null);
    setImmediate(() => leaving.connection.stream.destroy());
    await abandoned;
    const result = await staying.query<{ value: number }>("SELECT $1::int AS value", [7]);
    expect(result.rows[0]!.value).toBe(7);
    await staying.end();
  });

  it("answers a failing query with its error and goes on serving", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await expect(client.query("SELECT $1::int / 0 AS value", [1])).rejects.toThrow(/division by zero/);
    expect((await client.query<{ value: number }>("SELECT $1::int AS value", [2])).rows[0]!.value).toBe(2);
    await client.end();
  });
});
