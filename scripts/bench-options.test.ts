import { describe, expect, it } from "vitest";
import { assertLoopbackTarget, parseBenchOptions } from "./bench-options";

describe("benchmark options", () => {
  it("defaults to 10 s at 50 connections on the embedded database", () => {
    expect(parseBenchOptions([], {})).toEqual({ durationSeconds: 10, connections: 50, reload: false });
  });

  it("reads both option spellings, and DATABASE_URL unless --database-url is given", () => {
    const options = parseBenchOptions(["--duration=5", "--connections", "20", "--reload"], { DATABASE_URL: "postgresql://a@127.0.0.1/x" });
    expect(options).toMatchObject({ durationSeconds: 5, connections: 20, reload: true, databaseUrl: "postgresql://a@127.0.0.1/x" });
    expect(parseBenchOptions(["--database-url=postgresql://b@127.0.0.1/y"], { DATABASE_URL: "postgresql://a@127.0.0.1/x" }).databaseUrl).toBe("postgresql://b@127.0.0.1/y");
  });

  it("refuses unbounded or unknown options", () => {
    expect(() => parseBenchOptions(["--duration=600"], {})).toThrow(/usage/);
    expect(() => parseBenchOptions(["--connections=0"], {})).toThrow(/usage/);
    expect(() => parseBenchOptions(["--url=http://example.com"], {})).toThrow(/unknown option/);
  });

  it("targets loopback addresses only", () => {
    for (const url of ["http://127.0.0.1:3000/feed.json", "http://localhost:3000/", "http://[::1]:3000/", "http://127.8.0.1/"]) {
      expect(() => assertLoopbackTarget(url)).not.toThrow();
    }
    for (const url of ["http://10.0.0.5:3000/", "http://example.com/", "http://[::ffff:8.8.8.8]/"]) {
      expect(() => assertLoopbackTarget(url)).toThrow(/loopback/);
    }
  });
});
