import fs from "node:fs";
import path from "node:path";

/** What a production build is made from: a build older than any of these is stale. */
const buildInputs = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** True when the build in `distDir` is missing or older than the sources (used by `npm start` and `npm run bench`). */
export function buildIsStale(distDir: string): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return buildInputs.some((input) => newestMtime(input) > builtAt);
}
