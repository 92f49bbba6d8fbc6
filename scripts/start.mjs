// `npm start`: install what is missing, then run scripts/serve.ts (database, migrations, seed, build,
// serve) in this same process, so the server is one Node process. Flags are passed through (see
// serve.ts). serve.ts reports its own failures in one line.
import { ensureInstalled } from "./ensure-installed.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();
// Both of tsx's hooks, as `node --import tsx` installs them: our .ts files are CommonJS to Node.
(await import("tsx/cjs/api")).register();
(await import("tsx/esm/api")).register();
await import("./serve.ts");
