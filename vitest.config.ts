import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname) };

// Unit tests (`*.test.ts`) need nothing but Node. Integration tests (`*.integration.test.ts`) each get
// their own database from the test kit (test/integration/test-kit.ts): an in-memory PGlite, or a fresh
// database on the PostgreSQL server named by DATABASE_URL; test/integration/setup.ts stands in for the
// Next.js request (session, headers, cookies) in every one of them.
export default defineConfig({
  test: {
    // Two cores: PGlite instances are CPU-heavy, so at most two test files run at a time.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "app/**/*.integration.test.ts", "scripts/**/*.integration.test.ts"],
          environment: "node",
          setupFiles: ["test/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The operator's commands in a fresh clone (scripts/operator-commands.operator-test.ts): slow, so
        // .ci/run runs this project once, on its PostgreSQL pass, and `npm test` does not.
        resolve: { alias },
        test: {
          name: "operator",
          include: ["scripts/**/*.operator-test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
