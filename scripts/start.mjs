// `npm start`: install what is missing, then hand over to scripts/serve.ts (database, migrations, seed,
// build, serve). Flags are passed through (see serve.ts).
import { ensureInstalled, projectRoot, run } from "./ensure-installed.mjs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();
run(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/serve.ts", ...process.argv.slice(2)]);
