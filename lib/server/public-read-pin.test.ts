import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { pinPublicReads } from "./public-read-pin";

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

it("a response still streaming when the handler settles keeps its pin without Node warning of a listener leak (Next.js already holds ten)", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    server = http.createServer(
      pinPublicReads(async (_request, response) => {
        for (let index = 0; index < 10; index += 1) response.on("close", () => undefined);
        response.writeHead(200, { "Content-Type": "text/plain" });
        response.write("streaming…");
        setTimeout(() => response.end(" done"), 20);
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(await response.text()).toBe("streaming… done");
    // Node emits the warning on the next tick after the eleventh listener is added.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
  } finally {
    process.off("warning", onWarning);
  }
});
