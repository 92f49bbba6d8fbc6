import ipaddr from "ipaddr.js";
import { z } from "zod";

/** The command line of `npm run bench`, bounded so a run cannot turn into an unbounded load test. */
export const benchOptionsSchema = z.object({
  durationSeconds: z.coerce.number().int().min(1).max(60).default(10),
  connections: z.coerce.number().int().min(1).max(200).default(50),
  databaseUrl: z.string().min(1).optional(),
  reload: z.boolean().default(false),
  port: z.coerce.number().int().min(1024).max(65535).optional(),
  baselinePort: z.coerce.number().int().min(1024).max(65535).optional(),
});

export type BenchOptions = z.infer<typeof benchOptionsSchema>;

const optionNames: Record<string, keyof BenchOptions> = {
  "--duration": "durationSeconds",
  "--connections": "connections",
  "--database-url": "databaseUrl",
  "--port": "port",
  "--baseline-port": "baselinePort",
};

export const benchUsage =
  "npm run bench -- [--duration=10] [--connections=50] [--database-url=postgresql://…] [--reload] [--port=N] [--baseline-port=N]";

/** `--name=value` or `--name value`; DATABASE_URL when no --database-url is given. */
export function parseBenchOptions(args: string[], env: Readonly<Record<string, string | undefined>>): BenchOptions {
  const raw: Record<string, unknown> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === "--reload") {
      raw.reload = true;
      continue;
    }
    const [name, inlineValue] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const option = optionNames[name];
    if (!option) throw new Error(`unknown option ${arg}; usage: ${benchUsage}`);
    const value = inlineValue ?? args[(index += 1)];
    if (value === undefined) throw new Error(`${name} needs a value; usage: ${benchUsage}`);
    raw[option] = value;
  }
  raw.databaseUrl ??= env.DATABASE_URL || undefined;
  const parsed = benchOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\nusage: ${benchUsage}`);
  return parsed.data;
}

/** Load is only ever generated against this machine. */
export function assertLoopbackTarget(url: string): void {
  const hostname = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const loopback = hostname === "localhost" || (ipaddr.isValid(hostname) && ipaddr.process(hostname).range() === "loopback");
  if (!loopback) throw new Error(`refusing to load ${url}: the benchmark only targets loopback addresses`);
}
