import fs from "node:fs";
import http from "node:http";
import { z } from "zod";

/**
 * The benchmark's baseline: a bare node:http server answering from memory with the bytes the app gave
 * for each target (status, the headers that matter, body). Run as its own process, like the app, so
 * neither shares an event loop with autocannon.
 *   tsx scripts/bench-baseline-server.ts <responses.json> <port>
 */

export const capturedResponseSchema = z.object({
  path: z.string(),
  ifNoneMatch: z.string().optional(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  bodyBase64: z.string(),
});

export type CapturedResponse = z.infer<typeof capturedResponseSchema>;

export function capturedResponseKey(path: string, ifNoneMatch: string | undefined): string {
  return `${path} ${ifNoneMatch ?? ""}`;
}

function serve(file: string, port: number): void {
  const captured = z.array(capturedResponseSchema).parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const responses = new Map(
    captured.map((response) => [capturedResponseKey(response.path, response.ifNoneMatch), { ...response, body: Buffer.from(response.bodyBase64, "base64") }]),
  );
  const server = http.createServer((request, response) => {
    const ifNoneMatch = request.headers["if-none-match"];
    const found = responses.get(capturedResponseKey(request.url ?? "", typeof ifNoneMatch === "string" ? ifNoneMatch : undefined));
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(found.status, found.headers).end(found.body);
  });
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on 127.0.0.1:${port}`));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv[1]?.endsWith("bench-baseline-server.ts")) {
  const [file, port] = process.argv.slice(2);
  if (!file || !port) throw new Error("usage: tsx scripts/bench-baseline-server.ts <responses.json> <port>");
  serve(file, Number(port));
}
