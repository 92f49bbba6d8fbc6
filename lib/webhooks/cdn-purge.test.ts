import { describe, expect, it } from "vitest";
import { cdnPurgeConfigFrom, cdnPurgeRequest } from "./cdn-purge";
import { publicCacheTags } from "@/lib/http/cache-tags";

describe("cdnPurgeConfigFrom", () => {
  it("is off without a URL, defaults to the json format, and refuses what it cannot use", () => {
    expect(cdnPurgeConfigFrom({})).toBeUndefined();
    expect(cdnPurgeConfigFrom({ GRANSKAD_CDN_PURGE_URL: "https://purge.example/x" })).toMatchObject({ format: "json", token: undefined });
    expect(() => cdnPurgeConfigFrom({ GRANSKAD_CDN_PURGE_URL: "ftp://purge.example/" })).toThrow(/http\(s\)/);
    expect(() => cdnPurgeConfigFrom({ GRANSKAD_CDN_PURGE_URL: "not a url" })).toThrow(/http\(s\)/);
    expect(() => cdnPurgeConfigFrom({ GRANSKAD_CDN_PURGE_URL: "https://purge.example/", GRANSKAD_CDN_PURGE_FORMAT: "akamai" })).toThrow(/FORMAT/);
  });
});

describe("cdnPurgeRequest", () => {
  const config = (format: string) => cdnPurgeConfigFrom({ GRANSKAD_CDN_PURGE_URL: "https://purge.example/", GRANSKAD_CDN_PURGE_FORMAT: format, GRANSKAD_CDN_PURGE_TOKEN: "t" })!;
  const job = { event: "version.unpublished" as const };

  it("speaks each CDN's purge-by-tag dialect for the tag every public response carries", () => {
    expect(cdnPurgeRequest(config("fastly"), job)).toEqual({ method: "POST", headers: { "Surrogate-Key": "granskad-public", "Fastly-Key": "t" } });
    expect(cdnPurgeRequest(config("cloudflare"), job)).toEqual({
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer t" },
      body: '{"tags":["granskad-public"]}',
    });
    expect(cdnPurgeRequest(config("varnish"), job)).toEqual({ method: "PURGE", headers: { "xkey-purge": "granskad-public", Authorization: "Bearer t" } });
    expect(cdnPurgeRequest(config("json"), job)).toMatchObject({ method: "POST", body: '{"tags":["granskad-public"],"event":"version.unpublished"}' });
  });
});

describe("publicCacheTags", () => {
  it("names what a response contains, always with the tag the purge uses, and only safe slugs", () => {
    expect(publicCacheTags("/")).toEqual(["granskad-public", "granskad-page", "granskad-home"]);
    expect(publicCacheTags("/artiklar/facettledsinjektioner")).toEqual(["granskad-public", "granskad-page", "granskad-article-facettledsinjektioner"]);
    expect(publicCacheTags("/risklistor/biverkningar-av-kortison")).toEqual(["granskad-public", "granskad-page", "granskad-risk-list-biverkningar-av-kortison"]);
    expect(publicCacheTags("/artiklar/a b,c")).toEqual(["granskad-public", "granskad-page"]);
    expect(publicCacheTags("/feed.json")).toEqual(["granskad-public", "granskad-feed"]);
    expect(publicCacheTags("/api/v1/articles")).toEqual(["granskad-public", "granskad-api"]);
    expect(publicCacheTags("/sitemap.xml")).toEqual(["granskad-public", "granskad-meta"]);
  });
});
