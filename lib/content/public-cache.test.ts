import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Next.js's cache stores results as JSON; the mock does the same, so Dates are lost unless revived.
const nextCache = vi.hoisted(() => ({
  revalidateTag: vi.fn(),
  unstable_cache: vi.fn<(read: () => Promise<unknown>, keyParts: string[], options: { tags: string[] }) => () => Promise<unknown>>(
    (read) => async () => JSON.parse(JSON.stringify(await read())) as unknown,
  ),
}));
vi.mock("next/cache", () => nextCache);

const appDb = vi.hoisted(() => ({ name: "the app's client" }));
vi.mock("@/lib/db/client", () => ({ getDb: () => appDb }));

const { cachedPublicRead, invalidatePublicContent, publicContentTag } = await import("./public-cache");

type AnyDb = Parameters<Parameters<typeof cachedPublicRead>[1]>[0];

const publishedAt = new Date("2026-11-24T12:00:00.000Z");
const read = vi.fn(async (_db: AnyDb, slug: string) => ({ slug, publishedAt, nested: [{ at: publishedAt, none: null }] }));

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("inside a Next.js server", () => {
  beforeEach(() => vi.stubEnv("NEXT_RUNTIME", "nodejs"));

  it("caches reads through the app's client under the public-content tag, keyed by name and arguments, and keeps Dates", async () => {
    const cached = cachedPublicRead("readThing", read);
    const result = await cached(appDb as unknown as AnyDb, "a-slug");
    expect(result).toEqual({ slug: "a-slug", publishedAt, nested: [{ at: publishedAt, none: null }] });
    expect(result.publishedAt).toBeInstanceOf(Date);
    expect(result.nested[0]!.at).toBeInstanceOf(Date);
    const [, keyParts, options] = nextCache.unstable_cache.mock.calls[0]!;
    expect(keyParts).toEqual(["granskad-public", expect.any(String), "readThing", '["a-slug"]']);
    expect(options).toEqual({ tags: [publicContentTag] });
  });

  it("never caches a read through another client, such as a transaction", async () => {
    const transaction = { name: "a transaction" } as unknown as AnyDb;
    await cachedPublicRead("readThing", read)(transaction, "a-slug");
    expect(nextCache.unstable_cache).not.toHaveBeenCalled();
    expect(read).toHaveBeenCalledWith(transaction, "a-slug");
  });

  it("expires the tag at once on invalidation in a request", () => {
    invalidatePublicContent();
    expect(nextCache.revalidateTag).toHaveBeenCalledWith(publicContentTag, { expire: 0 });
  });

  it("expires the tag in the incremental cache on invalidation in the background", () => {
    const incrementalCache = { revalidateTag: vi.fn(async () => undefined) };
    vi.stubGlobal("__incrementalCache", incrementalCache);
    invalidatePublicContent("background");
    expect(incrementalCache.revalidateTag).toHaveBeenCalledWith([publicContentTag], { expire: 0 });
    expect(nextCache.revalidateTag).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("lets errors from Next.js through", () => {
    nextCache.revalidateTag.mockImplementationOnce(() => {
      throw new Error("Invariant: static generation store missing");
    });
    expect(() => invalidatePublicContent()).toThrow(/static generation store/);
  });
});

describe("outside a Next.js server (tests, scripts)", () => {
  beforeEach(() => vi.stubEnv("NEXT_RUNTIME", ""));

  it("reads straight through and invalidation does nothing", async () => {
    expect(await cachedPublicRead("readThing", read)(appDb as unknown as AnyDb, "a-slug")).toMatchObject({ publishedAt });
    invalidatePublicContent();
    expect(nextCache.unstable_cache).not.toHaveBeenCalled();
    expect(nextCache.revalidateTag).not.toHaveBeenCalled();
  });
});
