// `npm start`: install what is missing, then hand over to scripts/serve.ts (database, migrations, seed,
// build, serve). Flags are passed through (see serve.ts). serve.ts reports its own failures in one line.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureInstalled, projectRoot } from "./ensure-installed.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();
const serve = spawnSync(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/serve.ts", ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
});
process.exit(serve.status ?? 1);
