/**
 * Reads until `done` holds or `timeoutMs` passes, and returns the last value read: the assertion after it
 * then says what was seen. For work a background worker does (a due job, a webhook delivery).
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
