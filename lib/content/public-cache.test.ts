import { beforeEach, describe, expect, it, vi } from "vitest";

const appDb = vi.hoisted(() => ({ name: "the app's client" }));
vi.mock("@/lib/db/client", () => ({ getDb: () => appDb }));

const { cachedPublicRead, publicReadMemoSize } = await import("./public-cache");
const { advancePublicGeneration, setPublicCachesTrusted } = await import("./public-generation");

type AnyDb = Parameters<Parameters<typeof cachedPublicRead>[1]>[0];
const db = appDb as unknown as AnyDb;

const publishedAt = new Date("2026-11-24T12:00:00.000Z");
const read = vi.fn(async (_db: AnyDb, slug: string) => (slug === "finns-inte" ? null : { slug, publishedAt }));

beforeEach(() => {
  advancePublicGeneration("test");
  vi.clearAllMocks();
});

describe("the per-generation memo of public reads", () => {
  it("reads once per generation and arguments, and keeps the value as read (Dates included)", async () => {
    const cached = cachedPublicRead("readThing", read);
    const first = await cached(db, "a-slug");
    expect(await cached(db, "a-slug")).toBe(first);
    expect(first!.publishedAt).toBeInstanceOf(Date);
    await cached(db, "b-slug");
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("starts afresh when the generation advances", async () => {
    const cached = cachedPublicRead("readThing", read);
    await cached(db, "a-slug");
    advancePublicGeneration("published");
    await cached(db, "a-slug");
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("never keeps 'nothing published' (unknown slugs cannot fill it)", async () => {
    const cached = cachedPublicRead("readThing", read);
    const before = publicReadMemoSize();
    for (let index = 0; index < 3; index += 1) expect(await cached(db, "finns-inte")).toBeNull();
    expect(read).toHaveBeenCalledTimes(3);
    const failures = cachedPublicRead("readFailure", async () => ({ ok: false as const }));
    await failures(db);
    const empty = cachedPublicRead("readEmpty", async () => []);
    await empty(db);
    expect(publicReadMemoSize()).toBe(before);
  });

  it("does not keep a value read while a commit advanced the generation", async () => {
    let release: () => void = () => {};
    const slow = vi.fn(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { version: 1 };
    });
    const cached = cachedPublicRead("readSlow", slow);
    const pending = cached(db);
    await vi.waitFor(() => expect(slow).toHaveBeenCalledTimes(1));
    advancePublicGeneration("published meanwhile");
    release();
    await pending;
    const again = cached(db);
    await vi.waitFor(() => expect(slow).toHaveBeenCalledTimes(2));
    release();
    await again;
  });

  it("is bypassed inside a transaction and while changes elsewhere cannot be heard", async () => {
    const cached = cachedPublicRead("readThing", read);
    const transaction = { name: "a transaction" } as unknown as AnyDb;
    await cached(transaction, "a-slug");
    await cached(transaction, "a-slug");
    expect(read).toHaveBeenCalledTimes(2);
    setPublicCachesTrusted(false, "listener lost");
    try {
      await cached(db, "a-slug");
      await cached(db, "a-slug");
      expect(read).toHaveBeenCalledTimes(4);
    } finally {
      setPublicCachesTrusted(true, "listening");
    }
  });
});

describe("the memo's byte bound", () => {
  it("does not keep a result larger than an eighth of its byte limit, so large bodies cannot pile up", async () => {
    const huge = vi.fn(async () => ({ body: "x".repeat(5 * 2 ** 20) }));
    const cached = cachedPublicRead("readHuge", huge);
    await cached(db);
    await cached(db);
    expect(huge).toHaveBeenCalledTimes(2);
  });
});
