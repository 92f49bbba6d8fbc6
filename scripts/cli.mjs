// The operator commands' entry (`npm run db:migrate`, `db:seed`, `user:create`, `bench`): on a fresh
// clone after `npm ci` the Prisma client has not been generated yet (it is git-ignored and npm runs no
// install step), so it is generated here first, then scripts/<command>.ts runs in this same process.
// The command reports its own failures in one line (scripts/run-cli.ts).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureInstalled, projectRoot } from "./ensure-installed.mjs";

const commands = new Set(["db-migrate", "db-seed", "user-create", "bench"]);
const [command, ...rest] = process.argv.slice(2);
if (!commands.has(command)) {
  console.error(`error: unknown command ${command ?? "(none)"}; one of ${[...commands].join(", ")}`);
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureInstalled();
process.argv = [process.argv[0], path.join(projectRoot, "scripts", `${command}.ts`), ...rest];
// Both of tsx's hooks, as `node --import tsx` installs them: our .ts files are CommonJS to Node.
(await import("tsx/cjs/api")).register();
(await import("tsx/esm/api")).register();
await import(pathToFileURL(path.join(projectRoot, "scripts", `${command}.ts`)).href);
