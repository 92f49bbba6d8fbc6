// `npm start`: install what is missing, then run scripts/serve.ts (database, migrations, seed, build,
// serve) in this same process, so the server is one Node process. Flags are passed through (see
// serve.ts). serve.ts reports its own failures in one line.
// serve.ts is compiled first (scripts/server-bundle.mjs, a fraction of a second) and run as plain
// JavaScript: no tsx loader thread and no esbuild child process stay behind in the server.
import { createRequire } from "node:module";
import { ensureInstalled, projectRoot } from "./ensure-installed.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();
const { bundleServer } = await import("./server-bundle.mjs");
createRequire(import.meta.url)(await bundleServer(projectRoot));
