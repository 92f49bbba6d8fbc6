import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/test-database";

/**
 * Issue 8, point 12: the README's operator commands, run as an operator runs them, in a fresh clone of
 * this repository (`git clone`, `npm ci`, nothing else): against a fresh database (the PostgreSQL server
 * in DATABASE_URL, else an in-memory PGlite), then against an unreachable and a misconfigured one.
 * Slow (it installs everything once), so it is not part of `npm test`: `.ci/run` runs it once, on its
 * PostgreSQL pass (`npx vitest run --project operator`).
 */
let clone: string;
let database: TestDatabase;

type Ran = { status: number | null; stdout: string; stderr: string };

/** Runs a command in the clone without blocking the test worker (npm ci takes minutes). */
function run(command: string, args: string[], env: Record<string, string>, input?: string, cwd: string = clone): Promise<Ran> {
  const withoutOurs = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "DATABASE_URL" && name !== "NODE_ENV"));
  const childEnv = { ...withoutOurs, ...env } as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

const npmRun = (script: string, args: string[], databaseUrl: string, input?: string) => run("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { DATABASE_URL: databaseUrl }, input);
const userArgs = (email: string) => ["--email", email, "--role", "admin", "--name", "Drift Ansvarig", "--title", "Överläkare", "--specialty", "Smärtlindring"];

beforeAll(async () => {
  clone = fs.mkdtempSync(path.join(os.tmpdir(), "granskad-fresh-clone-"));
  const cloned = await run("git", ["clone", "--quiet", process.cwd(), clone], {}, undefined, process.cwd());
  expect(cloned.status, cloned.stderr).toBe(0);
  const installed = await run("npm", ["ci", "--no-audit", "--no-fund"], {});
  expect(installed.status, installed.stderr).toBe(0);
  expect(fs.existsSync(path.join(clone, "lib", "db", "generated")), "npm ci generated the Prisma client").toBe(false);
}, 900_000);

afterAll(async () => {
  await database?.drop();
  if (clone) fs.rmSync(clone, { recursive: true, force: true });
});

describe("operator commands on a fresh clone", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 120_000);

  it("migrate, seed and create the first admin, each once and then again", async () => {
    const migrated = await npmRun("db:migrate", [], database.url);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migrations/);
    expect((await npmRun("db:migrate", [], database.url)).stdout).toContain("Database is up to date");

    const seeded = await npmRun("db:seed", [], database.url);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seed content: \d+ created, 0 already present/);
    expect((await npmRun("db:seed", [], database.url)).stdout).toMatch(/Seed content: 0 created/);

    const created = await npmRun("user:create", userArgs("drift@example.se"), database.url, "ett-långt-lösenord-för-drift\n");
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain("Created drift@example.se with role(s) admin");
    const again = await npmRun("user:create", userArgs("drift@example.se"), database.url, "ett-långt-lösenord-för-drift\n");
    expect(again.status).not.toBe(0);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["unreachable", "postgresql://granskad@127.0.0.1:1/granskad", /^error: Cannot reach the database at postgresql:\/\/granskad@127\.0\.0\.1:1\/granskad: connection refused$/],
    ["not PostgreSQL", "mysql://granskad@127.0.0.1/granskad", /^error: DATABASE_URL must start with postgresql:\/\//],
    ["not a URL", "granskad", /^error: DATABASE_URL is not a URL/],
  ])("every command says in one line that the database is %s, and exits non-zero", async (_kind, url, message) => {
    for (const [script, args] of [["db:migrate", []], ["db:seed", []], ["user:create", userArgs("x@example.se")]] as const) {
      const result = await npmRun(script, [...args], url, "ett-långt-lösenord-för-drift\n");
      expect(result.status, script).not.toBe(0);
      const lines = result.stderr.trim().split("\n");
      expect(lines, `${script}: ${result.stderr}`).toHaveLength(1);
      expect(lines[0], script).toMatch(message);
    }
  });
});
