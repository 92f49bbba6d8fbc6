import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalHeaders } from "./internal-headers";
import { proxyTrustFrom, type ProxyTrust } from "./proxy-trust";
import { createRequestPipeline, type EarlyHandler } from "./request-pipeline";

/**
 * The pipeline in a real HTTP server, with a stand-in for Next.js that answers with the headers it was
 * given: what an attacker can make the app believe, over the wire. The suite connects from 127.0.0.1 (a
 * stranger) and from 127.0.0.2 (the configured proxy), both loopback addresses of this machine.
 */
const proxyAddress = "127.0.0.2";

type Seen = { headers: http.IncomingHttpHeaders; rawHeaders: string[] };

async function serve(trust: ProxyTrust, earlyHandlers: EarlyHandler[] = []) {
  const server = http.createServer(
    createRequestPipeline({
      trust,
      earlyHandlers,
      next: async (request, response) => {
        response.setHeader("Content-Type", "application/json");
        response.end(JSON.stringify({ headers: request.headers, rawHeaders: request.rawHeaders } satisfies Seen));
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function get(port: number, headers: Record<string, string>, from = "127.0.0.1", path = "/"): Promise<{ status: number; headers: http.IncomingHttpHeaders; seen: Seen }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, headers, localAddress: from }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, seen: body.startsWith("{") ? (JSON.parse(body) as Seen) : { headers: {}, rawHeaders: [] } }));
    });
    request.on("error", reject);
    request.end();
  });
}

const forged = {
  "X-Forwarded-For": "203.0.113.9",
  "X-Real-IP": "203.0.113.10",
  Forwarded: "for=203.0.113.11;host=evil.example;proto=https",
  "X-Forwarded-Host": "evil.example",
  "X-Forwarded-Proto": "https",
  "True-Client-IP": "203.0.113.12",
  "CF-Connecting-IP": "203.0.113.13",
  "X-Request-Id": "forged-request-id-123",
  "X-Middleware-Subrequest": "middleware:middleware:middleware:middleware:middleware",
  [internalHeaders.clientAddress]: "203.0.113.14",
  [internalHeaders.requestId]: "forged-internal-id",
  "X-Nonce": "attacker-nonce",
};

describe("the edge pipeline over HTTP", () => {
  let untrusting: Awaited<ReturnType<typeof serve>>;
  let behindProxy: Awaited<ReturnType<typeof serve>>;
  let behindForwardedProxy: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    untrusting = await serve(proxyTrustFrom({}));
    behindProxy = await serve(proxyTrustFrom({ GRANSKAD_TRUSTED_PROXIES: proxyAddress }));
    behindForwardedProxy = await serve(proxyTrustFrom({ GRANSKAD_TRUSTED_PROXIES: proxyAddress, GRANSKAD_FORWARDED_HEADER: "forwarded" }));
  });
  afterAll(() => {
    for (const { server } of [untrusting, behindProxy, behindForwardedProxy]) server.close();
  });

  it("without trusted proxies, a client's forwarding and internal headers are all replaced by the socket's truth", async () => {
    const { seen, headers } = await get(untrusting.port, forged);
    expect(seen.headers[internalHeaders.clientAddress]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-proto"]).toBe("http");
    expect(seen.headers["x-forwarded-host"]).toBe(`127.0.0.1:${untrusting.port}`);
    for (const name of ["x-real-ip", "forwarded", "true-client-ip", "cf-connecting-ip", "x-request-id", "x-middleware-subrequest", "x-nonce"]) {
      expect(seen.headers[name], name).toBeUndefined();
    }
    const requestId = seen.headers[internalHeaders.requestId];
    expect(requestId).toMatch(/^[0-9a-f]{16}$/);
    expect(headers["x-request-id"]).toBe(requestId);
    // The raw header list Next.js could also read says the same.
    expect(seen.rawHeaders.join("\n")).not.toMatch(/203\.0\.113|evil\.example|forged|attacker/);
  });

  it("the same forgery from a trusted proxy's own client is still refused: only the hops the proxy added count", async () => {
    // The proxy appended the address it saw (198.51.100.7) to whatever the client sent.
    const { seen } = await get(behindProxy.port, { "X-Forwarded-For": "203.0.113.9, 198.51.100.7", "X-Forwarded-Host": "granskad.example", "X-Forwarded-Proto": "https", "X-Request-Id": "nginx-0123456789abcdef" }, proxyAddress);
    expect(seen.headers[internalHeaders.clientAddress]).toBe("198.51.100.7");
    expect(seen.headers["x-forwarded-host"]).toBe("granskad.example");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
    expect(seen.headers[internalHeaders.requestId]).toBe("nginx-0123456789abcdef");
  });

  it("skips every trusted hop from the right, and stops at the first address that is not one", async () => {
    const { seen } = await get(behindProxy.port, { "X-Forwarded-For": `203.0.113.9, 198.51.100.7, ${proxyAddress}` }, proxyAddress);
    expect(seen.headers[internalHeaders.clientAddress]).toBe("198.51.100.7");
  });

  it("reads Forwarded (and only Forwarded) when configured so, element by element from the right", async () => {
    const { seen } = await get(
      behindForwardedProxy.port,
      { Forwarded: 'for=203.0.113.9, for="[2001:db8::7]:4711";proto=https;host=granskad.example', "X-Forwarded-For": "203.0.113.20" },
      proxyAddress,
    );
    expect(seen.headers[internalHeaders.clientAddress]).toBe("2001:db8::7");
    expect(seen.headers["x-forwarded-host"]).toBe("granskad.example");
    expect(seen.headers["x-forwarded-proto"]).toBe("https");
  });

  it("a hop that is not an address makes the client unknown rather than whatever text came with it", async () => {
    const { seen } = await get(behindProxy.port, { "X-Forwarded-For": "not-an-address" }, proxyAddress);
    expect(seen.headers[internalHeaders.clientAddress]).toBe("unknown");
    expect(seen.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("a host that is not a host name is not passed on", async () => {
    const { seen } = await get(behindProxy.port, { "X-Forwarded-Host": "evil.example/path?x=<script>" }, proxyAddress);
    expect(seen.headers["x-forwarded-host"]).toBe(`127.0.0.1:${behindProxy.port}`);
  });

  it("an early handler that answers stops the request before Next.js; one that throws gets a 500 with the request id only", async () => {
    const answering: EarlyHandler = {
      name: "teapot",
      handle: ({ request, response }) => {
        if (request.url !== "/teapot") return false;
        response.statusCode = 418;
        response.end();
        return true;
      },
    };
    const failing: EarlyHandler = {
      name: "failing",
      handle: ({ request }) => {
        if (request.url === "/boom") throw new Error("secret internals");
        return false;
      },
    };
    // Asynchronous handlers: one that passes on after a turn, so the handlers after it still run, one
    // that answers later, and one whose promise rejects.
    const later: EarlyHandler = {
      name: "later",
      handle: async ({ request, response }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (request.url === "/later-boom") throw new Error("secret async internals");
        if (request.url !== "/later") return false;
        response.statusCode = 202;
        response.end();
        return true;
      },
    };
    const { server, port } = await serve(proxyTrustFrom({}), [answering, later, failing]);
    const fetchRaw = (path: string) =>
      new Promise<{ status: number; body: string; id: string }>((resolve) => {
        http.get({ host: "127.0.0.1", port, path }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body, id: String(response.headers["x-request-id"]) }));
        });
      });
    try {
      expect((await get(port, {}, "127.0.0.1", "/teapot")).status).toBe(418);
      expect((await get(port, {}, "127.0.0.1", "/later")).status).toBe(202);
      expect((await get(port, {}, "127.0.0.1", "/other")).status).toBe(200);
      for (const path of ["/boom", "/later-boom"]) {
        const boom = await fetchRaw(path);
        expect(boom.status).toBe(500);
        expect(boom.body).toContain(boom.id);
        expect(boom.body).not.toContain("internals");
      }
    } finally {
      server.close();
    }
  });
});
