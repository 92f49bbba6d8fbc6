// Shared first step of `npm start` and `npm test` on a fresh clone: install dependencies when they are
// missing or older than the lockfile, and generate the Prisma client when it is missing or older than
// the schema. Plain Node, no dependencies: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function mtime(file) {
  try {
    return fs.statSync(path.join(projectRoot, file)).mtimeMs;
  } catch {
    return 0;
  }
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`error: \`${[command, ...args].join(" ")}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

export function ensureInstalled() {
  const installed = mtime("node_modules/.package-lock.json");
  if (installed === 0 || installed < mtime("package-lock.json")) {
    console.log("Installing dependencies (npm ci)…");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
  if (mtime("lib/db/generated/client.ts") < Math.max(mtime("prisma/schema.prisma"), mtime("node_modules/.package-lock.json"))) {
    run(process.execPath, ["scripts/prisma-generate.mjs"]);
  }
}
