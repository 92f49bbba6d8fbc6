import { beforeEach, describe, expect, it, vi } from "vitest";

const appDb = vi.hoisted(() => ({ name: "the app's client" }));
vi.mock("@/lib/db/client", () => ({ getDb: () => appDb }));

const { cachedPublicRead, openPublicReadPin, publicReadMemoSize, retainedPublicReadMemos } = await import("./public-cache");
const { runWithPublicReadPin } = await import("./public-read-pin");
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

describe("a request's pin", () => {
  it("reads each thing once per request, even what the memo never keeps ('nothing published')", async () => {
    const cached = cachedPublicRead("readThing", read);
    const pin = openPublicReadPin();
    try {
      await runWithPublicReadPin(pin, async () => {
        expect(await cached(db, "finns-inte")).toBeNull();
        expect(await cached(db, "finns-inte")).toBeNull();
      });
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      pin.release();
    }
  });

  it("keeps reading its generation's memo after a commit, reads afresh when nothing was kept, and lets the memo go when released", async () => {
    let version = 1;
    const versioned = vi.fn(async () => ({ version }));
    const cached = cachedPublicRead("readVersioned", versioned);
    expect(await cached(db)).toEqual({ version: 1 });
    const pin = openPublicReadPin();
    version = 2;
    advancePublicGeneration("published");
    expect(retainedPublicReadMemos()).toBe(1);
    expect(await runWithPublicReadPin(pin, () => cached(db))).toEqual({ version: 1 });
    expect(pin.straddled).toBe(false);
    // Outside the pin: the new generation.
    expect(await cached(db)).toEqual({ version: 2 });
    pin.release();
    expect(retainedPublicReadMemos()).toBe(0);

    const late = openPublicReadPin();
    version = 3;
    advancePublicGeneration("published again");
    const other = cachedPublicRead("readOther", versioned);
    expect(await runWithPublicReadPin(late, () => other(db))).toEqual({ version: 3 });
    expect(late.straddled).toBe(true);
    late.release();
  });

  it("keeps at most three earlier generations for pins still open", async () => {
    const pins = Array.from({ length: 5 }, () => {
      const pin = openPublicReadPin();
      advancePublicGeneration("published");
      return pin;
    });
    expect(retainedPublicReadMemos()).toBe(3);
    for (const pin of pins) pin.release();
    expect(retainedPublicReadMemos()).toBe(0);
  });
});
