import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { rawRequest, signInOverHttp } from "./raw-http";

/**
 * Issue 8, points 1, 5, 10 and 13 as an attacker meets them over HTTP against the production build. The
 * e2e server trusts one proxy, 127.0.0.2 (playwright.config.ts); 127.0.0.3 and 127.0.0.4 are clients of
 * their own, so their throttling leaves the browser's 127.0.0.1 alone.
 */
const signInLimitPerAddress = 20;

test.describe("client addresses come from the connection", () => {
  test("failed sign-ins with a new forged forwarding header each time are throttled by the real address", async () => {
    const errors: (string | null)[] = [];
    for (let attempt = 0; attempt <= signInLimitPerAddress; attempt += 1) {
      const forged = `198.18.${attempt}.${attempt + 1}`;
      const result = await signInOverHttp({
        email: `ingen-${attempt}@forged.example`,
        password: "fel-lösenord",
        from: "127.0.0.3",
        headers: { "X-Forwarded-For": forged, "X-Real-IP": forged, Forwarded: `for=${forged}`, "True-Client-IP": forged },
      });
      errors.push(result.error);
    }
    expect(errors.slice(0, signInLimitPerAddress).every((error) => error === "CredentialsSignin")).toBe(true);
    expect(errors.at(-1)).toBe("Throttled");
    // Another client is not affected by 127.0.0.3's block.
    expect((await signInOverHttp({ email: "ingen@forged.example", password: "fel-lösenord", from: "127.0.0.4" })).error).toBe("CredentialsSignin");
  });

  test("behind the trusted proxy the client it reports is the key, whatever that client wrote before it", async () => {
    const viaProxy = (client: string, attempt: number) =>
      signInOverHttp({
        email: `ingen-${client}-${attempt}@proxied.example`,
        password: "fel-lösenord",
        from: "127.0.0.2",
        // The client's own (forged) entry first, then the address the proxy saw.
        headers: { "X-Forwarded-For": `10.${attempt}.0.1, ${client}` },
      });
    const errors: (string | null)[] = [];
    for (let attempt = 0; attempt <= signInLimitPerAddress; attempt += 1) errors.push((await viaProxy("192.0.2.80", attempt)).error);
    expect(errors.at(-1)).toBe("Throttled");
    expect((await viaProxy("192.0.2.81", 0)).error).toBe("CredentialsSignin");
  });
});

test.describe("the host is not the client's to choose", () => {
  const forgedHost = "evil.example";
  const forging = { "X-Forwarded-Host": forgedHost, "X-Forwarded-Proto": "https", Forwarded: `host=${forgedHost};proto=https`, "X-Original-Host": forgedHost };

  test("a forged X-Forwarded-Host reaches no public surface, from a client or through the proxy, and all surfaces name one origin", async () => {
    const home = await rawRequest({ path: "/", headers: forging });
    const articlePath = /href="(\/artiklar\/[a-z0-9-]+)"/.exec(home.body)?.[1];
    const riskListPath = /href="(\/risklistor\/[a-z0-9-]+)"/.exec(home.body)?.[1];
    expect(articlePath && riskListPath, "the home page links an article and a risk list").toBeTruthy();
    const surfaces = ["/", articlePath!, riskListPath!, "/sitemap.xml", "/robots.txt", "/feed.json", "/api/v1/articles", "/api/v1/risk-lists", `/api/v1${articlePath!.replace("/artiklar/", "/articles/")}`];
    const origins = new Set<string>();
    for (const from of ["127.0.0.1", "127.0.0.2"]) {
      for (const path of surfaces) {
        const response = await rawRequest({ path, headers: forging, from });
        expect(response.status, path).toBe(200);
        expect(response.body, `${path} from ${from}`).not.toContain(forgedHost);
        for (const match of response.body.matchAll(/https?:\/\/[a-z0-9.:-]+(?=\/)/gi)) {
          if (!/schema\.org|jsonfeed\.org|www\.w3\.org|sitemaps\.org/.test(match[0])) origins.add(match[0]);
        }
      }
    }
    expect([...origins]).toEqual([baseURL]);
  });
});

test.describe("ready for a load balancer", () => {
  test("health and readiness are answered before Next.js, never cached, with a request id", async () => {
    const health = await rawRequest({ path: "/healthz" });
    expect(health.status).toBe(200);
    expect(health.headers["cache-control"]).toBe("no-store");
    expect(health.headers["x-request-id"]).toMatch(/^[0-9a-f]{16}$/);
    const ready = await rawRequest({ path: "/readyz" });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: "ready", database: "ok", migrations: "current", workers: "running" });
    expect((await rawRequest({ method: "POST", path: "/readyz" })).status).toBe(405);
  });

  test("a request id sent by a client is replaced; one sent by the trusted proxy is kept", async () => {
    expect((await rawRequest({ path: "/healthz", headers: { "X-Request-Id": "forged-by-a-client" } })).headers["x-request-id"]).not.toBe("forged-by-a-client");
    expect((await rawRequest({ path: "/healthz", headers: { "X-Request-Id": "proxy-request-0001" }, from: "127.0.0.2" })).headers["x-request-id"]).toBe("proxy-request-0001");
  });

  test("methods no route serves get 501, not 500", async () => {
    for (const method of ["TRACE", "PROPFIND", "PUT", "DELETE", "PATCH", "MKCOL", "LOCK"]) {
      const response = await rawRequest({ method, path: "/feed.json" });
      expect(response.status, method).toBe(501);
      expect(response.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    }
  });
});
