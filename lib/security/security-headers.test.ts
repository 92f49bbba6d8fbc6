import { describe, expect, it } from "vitest";
import { publicPageCacheControl } from "@/lib/http/public-cache-control";
import { dataContentSecurityPolicy } from "./content-security-policy";
import { isHttpsProduction, pageCacheControl, securityHeaders, type RequestFacts } from "./security-headers";

const nonce = "dGVzdC1ub25jZS0xMjM0NQ==";
const localProduction = { NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" };
const httpsProduction = { NODE_ENV: "production", PUBLIC_BASE_URL: "https://granskad.se" };

function get(pathname: string, hasCookies = false): RequestFacts {
  return { method: "GET", pathname, hasCookies };
}

describe("securityHeaders", () => {
  it("gives every response nosniff, the referrer policy and DENY framing, static files included", () => {
    for (const pathname of ["/", "/admin", "/feed.json", "/api/v1/articles", "/api/auth/session", "/_next/static/chunks/app.js"]) {
      expect(securityHeaders(get(pathname), nonce, localProduction).response).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
      });
    }
  });

  it("keeps an outside expert's page out of every cache and index and sends no referrer from it, cookie or not", () => {
    for (const hasCookies of [false, true]) {
      const headers = securityHeaders(get("/extern-granskning/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", hasCookies), nonce, localProduction);
      expect(headers.response).toMatchObject({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow, noarchive", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY" });
      expect(headers.response["Content-Security-Policy"]).toContain(`'nonce-${nonce}'`);
      expect(headers.request["x-nonce"]).toBe(nonce);
    }
  });

  it("gives pages the nonce policy on the response and on the request Next.js renders", () => {
    const headers = securityHeaders(get("/artiklar/facettledsinjektioner"), nonce, localProduction);
    const policy = headers.response["Content-Security-Policy"];
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(headers.request).toEqual({ "Content-Security-Policy": policy, "x-nonce": nonce });
  });

  it("leaves the feed's and the API's own Cache-Control alone and gives them the data policy", () => {
    for (const pathname of ["/feed.json", "/api/v1/articles", "/api/v1/risk-lists/biverkningar-av-kortison"]) {
      const headers = securityHeaders(get(pathname), nonce, localProduction);
      expect(headers.response["Content-Security-Policy"]).toBe(dataContentSecurityPolicy);
      expect(headers.response).not.toHaveProperty("Cache-Control");
      expect(headers.request).toEqual({});
    }
  });

  it("caches the sitemap and robots.txt like the pages, with the data policy, unless the request has cookies", () => {
    for (const pathname of ["/sitemap.xml", "/robots.txt"]) {
      const headers = securityHeaders(get(pathname), nonce, localProduction);
      expect(headers.response).toMatchObject({ "Content-Security-Policy": dataContentSecurityPolicy, "Cache-Control": publicPageCacheControl });
      expect(headers.request).toEqual({});
      expect(securityHeaders(get(pathname, true), nonce, localProduction).response["Cache-Control"]).toBe("private, no-store");
      expect(securityHeaders({ method: "POST", pathname, hasCookies: false }, nonce, localProduction).response["Cache-Control"]).toBe("private, no-store");
    }
  });

  it("keeps the sign-in endpoints private and Next.js's static files and the icons to their own caching", () => {
    expect(securityHeaders(get("/api/auth/session"), nonce, localProduction).response["Cache-Control"]).toBe("private, no-store");
    for (const pathname of ["/_next/static/chunks/app.js", "/favicon.ico", "/icon.svg", "/apple-icon.png"]) {
      const asset = securityHeaders(get(pathname), nonce, localProduction).response;
      expect(asset, pathname).not.toHaveProperty("Cache-Control");
      expect(asset, pathname).not.toHaveProperty("Content-Security-Policy");
    }
    expect(securityHeaders(get("/icon.svg.html"), nonce, localProduction).response["Cache-Control"]).toBe("private, no-store");
  });

  it("sends HSTS and upgrades requests only in https production", () => {
    const https = securityHeaders(get("/"), nonce, httpsProduction).response;
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    const local = securityHeaders(get("/"), nonce, localProduction).response;
    expect(local).not.toHaveProperty("Strict-Transport-Security");
    expect(local["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });
});

describe("isHttpsProduction", () => {
  it.each([
    [{ NODE_ENV: "production", PUBLIC_BASE_URL: "https://granskad.se" }, true],
    [{ NODE_ENV: "production", NEXTAUTH_URL: "https://granskad.se" }, true],
    [{ NODE_ENV: "production", PUBLIC_BASE_URL: "http://granskad.se", NEXTAUTH_URL: "https://granskad.se" }, false],
    [{ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "development", PUBLIC_BASE_URL: "https://granskad.se" }, false],
  ])("%j → %s", (environment, expected) => {
    expect(isHttpsProduction(environment)).toBe(expected);
  });
});

describe("pageCacheControl", () => {
  it("lets a CDN cache the public pages, fetched without cookies", () => {
    for (const pathname of ["/", "/artiklar/facettledsinjektioner", "/risklistor/biverkningar-av-kortison"]) {
      expect(pageCacheControl(get(pathname))).toBe(publicPageCacheControl);
      expect(pageCacheControl({ method: "HEAD", pathname, hasCookies: false })).toBe(publicPageCacheControl);
    }
  });

  it("keeps the admin, sign-in, unknown pages, requests with cookies and posts private", () => {
    for (const pathname of ["/admin", "/admin/versioner/1", "/logga-in", "/artiklar", "/artiklar/a/b", "/nagot-annat"]) {
      expect(pageCacheControl(get(pathname))).toBe("private, no-store");
    }
    expect(pageCacheControl(get("/", true))).toBe("private, no-store");
    expect(pageCacheControl({ method: "POST", pathname: "/artiklar/facettledsinjektioner", hasCookies: false })).toBe("private, no-store");
  });

  it("keeps search results out of shared caches: one entry per phrase would fill them (README, Search)", () => {
    expect(pageCacheControl(get("/sok"))).toBe("private, no-store");
    expect(pageCacheControl({ method: "GET", pathname: "/sok", hasCookies: false })).toBe("private, no-store");
  });
});
