import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { freeLoopbackPort, startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded-database";
import { applyMigrations } from "../lib/db/migrate";

/**
 * Issue 8, point 13, against the production build served by scripts/serve.ts in a process of its own,
 * over a database this spec can take away: readiness follows the database, and a request in flight when
 * SIGTERM arrives is answered before the server exits 0.
 */
type Served = { port: number; child: ChildProcess; output: string[]; exited: Promise<number | null> };

async function serve(database: EmbeddedDatabase): Promise<Served> {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ["scripts/start.mjs", "--skip-build", "--no-seed"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "server-lifecycle-spec-secret-0123456789",
      GRANSKAD_SHUTDOWN_TIMEOUT_SECONDS: "10",
      GRANSKAD_LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status, { timeout: 90_000, intervals: [500] }).toBe(200);
  return { port, child, output, exited };
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("readiness fails while the database is down, and liveness does not", async () => {
  const database = await startEmbeddedDatabase();
  await applyMigrations(database.url);
  const served = await serve(database);
  try {
    await database.stop();
    const response = await fetch(`http://127.0.0.1:${served.port}/readyz`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({ status: "not ready", database: "unreachable" });
    expect((await fetch(`http://127.0.0.1:${served.port}/healthz`)).status).toBe(200);
  } finally {
    served.child.kill("SIGTERM");
    await served.exited;
  }
});

test("a request in flight during SIGTERM completes; new connections are refused; the server exits 0", async () => {
  const database = await startEmbeddedDatabase();
  try {
    await applyMigrations(database.url);
    const served = await serve(database);
    const body = "email=a%40b.se&password=x&csrfToken=none";
    const socket = await connect(served.port);
    const answer = new Promise<string>((resolve) => {
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
      socket.on("close", () => resolve(received));
    });
    // Headers and half the body now; the rest only after the server was told to stop.
    socket.write(
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    served.child.kill("SIGTERM");
    await expect.poll(() => served.output.some((line) => line.includes("shutting down")), { timeout: 10_000 }).toBe(true);
    await expect(connect(served.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    socket.write(body.slice(10));
    const response = await answer;
    expect(response).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
    expect(await served.exited).toBe(0);
    expect(served.output.some((line) => line.includes('"msg":"shut down"'))).toBe(true);
  } finally {
    await database.stop().catch(() => {});
  }
});
