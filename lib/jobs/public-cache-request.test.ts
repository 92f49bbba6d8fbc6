import { afterEach, describe, expect, it, vi } from "vitest";
import { isOwnWorkerRequest, publicCacheInvalidationPath, requestPublicCacheInvalidation } from "./public-cache-request";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

function captureFetch(status = 204) {
  const requests: Request[] = [];
  vi.stubGlobal("fetch", async (url: URL, init: RequestInit) => {
    requests.push(new Request(url, init));
    return new Response(null, { status });
  });
  return requests;
}

describe("the worker's cache-invalidation request to its own server", () => {
  it("goes to loopback on PORT and carries a token that only this process accepts", async () => {
    vi.stubEnv("PORT", "3999");
    const requests = captureFetch();
    await requestPublicCacheInvalidation();
    const [sent] = requests;
    expect(sent?.url).toBe(`http://127.0.0.1:3999${publicCacheInvalidationPath}`);
    expect(sent?.method).toBe("POST");
    expect(isOwnWorkerRequest(sent!)).toBe(true);

    const forged = new Request(sent!.url, { method: "POST", headers: { "x-granskad-worker-token": "0".repeat(64) } });
    expect(isOwnWorkerRequest(forged)).toBe(false);
    expect(isOwnWorkerRequest(new Request(sent!.url, { method: "POST" }))).toBe(false);
  });

  it("uses GRANSKAD_INTERNAL_ORIGIN when set, and fails loudly when the server refuses", async () => {
    vi.stubEnv("GRANSKAD_INTERNAL_ORIGIN", "http://10.0.0.5:8080");
    const requests = captureFetch(404);
    await expect(requestPublicCacheInvalidation()).rejects.toThrow("public cache invalidation answered 404");
    expect(requests[0]?.url).toBe(`http://10.0.0.5:8080${publicCacheInvalidationPath}`);
  });
});
