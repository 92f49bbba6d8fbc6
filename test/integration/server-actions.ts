import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";

/*
 * For the tests that call every server action as a POST reaches it (the role × action matrix and the
 * malformed-input properties): discovering the actions, and a fingerprint of everything stored.
 */

export type DiscoveredExport = { id: string; value: unknown };

const projectRoot = path.resolve(__dirname, "../..");

/** Where server actions may live: any module whose first statement is the "use server" directive. */
const sourceFolders = ["app", "components", "lib"];

/**
 * Every export of every server-action module ("use server") in the app, as
 * "lib/actions/editor-actions.ts › saveDraftAction", wherever it lives: a new action anywhere is found.
 */
export async function discoverServerActionExports(): Promise<DiscoveredExport[]> {
  const files = sourceFolders
    .flatMap((folder) =>
      fs
        .readdirSync(path.join(projectRoot, folder), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.tsx?$/.test(file) && !file.includes("generated"))
        .map((file) => path.posix.join(folder, file.split(path.sep).join("/"))),
    )
    .filter((file) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(path.join(projectRoot, file), "utf8")))
    .sort();
  const discovered: DiscoveredExport[] = [];
  for (const file of files) {
    const exported = (await import(path.join(projectRoot, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) discovered.push({ id: `${file} › ${name}`, value });
  }
  return discovered;
}

/**
 * A digest of every row of every table the app writes (the public schema and pg-boss's jobs), so
 * "nothing changed" covers updates as well as inserts and deletes.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ schema: string; table: string }[]>`
    SELECT schemaname AS schema, tablename AS "table" FROM pg_tables
    WHERE schemaname = 'public' OR (schemaname = 'pgboss' AND tablename = 'job') ORDER BY 1, 2`;
  const fingerprint: Record<string, string> = {};
  for (const { schema, table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${schema}"."${table}" t`,
    );
    fingerprint[`${schema}.${table}`] = row?.digest ?? "";
  }
  return fingerprint;
}

/** True for what redirect() throws: the action succeeded and sends the browser on. */
export function isRedirect(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");
}
