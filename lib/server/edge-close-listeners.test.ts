import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { PageCache, pageCacheHandler } from "./page-cache";
import { proxyTrustFrom } from "./proxy-trust";
import { pinPublicReads } from "./public-read-pin";
import { createRequestPipeline } from "./request-pipeline";

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/**
 * The server entry's composition (pipeline, page cache, read pin) around a stand-in for Next.js that puts
 * its ten "close" listeners on the response and is still streaming when it returns: each layer's own
 * listener is there by design, and Node must not report a leak (it would be an error line in the log).
 */
it("a streaming page through the whole edge adds its close listeners without a MaxListenersExceededWarning", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    server = http.createServer(
      createRequestPipeline({
        trust: proxyTrustFrom({}),
        earlyHandlers: [pageCacheHandler(new PageCache(2 ** 20))],
        next: pinPublicReads(async (_request, response) => {
          for (let index = 0; index < 10; index += 1) response.on("close", () => undefined);
          response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=60" });
          response.write("<!DOCTYPE html><p>streaming");
          setTimeout(() => response.end(" done</p>"), 20);
        }),
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/artiklar/en-sida`);
    expect(await response.text()).toBe("<!DOCTYPE html><p>streaming done</p>");
    // Node emits the warning on a later tick than the listener that crossed the limit.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings.filter((warning) => warning.name === "MaxListenersExceededWarning")).toEqual([]);
  } finally {
    process.off("warning", onWarning);
  }
});
