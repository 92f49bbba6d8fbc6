import os from "node:os";
import path from "node:path";
import { vi } from "vitest";

// E-mails sent straight from an operation (an outside expert's invitation) go to a folder of this run,
// never to the project's own outbox (.data/outbox), unless a test names another.
process.env.GRANSKAD_MAIL_OUTBOX_DIR ??= path.join(os.tmpdir(), `granskad-test-outbox-${process.pid}`);

/*
 * Setup of every integration test file (vitest.config.ts): the only things stood in for are those that
 * need a running Next.js request. The session is the test kit's (`kit.signIn`), re-read from the database
 * on every call as in the app, so a deactivated user or a changed role ends it; headers and cookies are
 * the kit's request (./test-request.ts); revalidatePath and revalidateTag record their calls (outside a
 * Next.js server there is no cache to expire).
 */

vi.mock("@/lib/auth/current-user", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/current-user")>();
  const { testRequest } = await import("./test-request");
  return {
    ...original,
    getCurrentUser: async () => (testRequest.session ? original.loadActiveUser(testRequest.session.userId, testRequest.session.sessionEpoch) : null),
  };
});

vi.mock("next/headers", async () => {
  const { nextRequestHeaders, testRequest } = await import("./test-request");
  return {
    headers: async () => nextRequestHeaders(),
    cookies: async () => ({
      get: (name: string) => (testRequest.cookies.has(name) ? { name, value: testRequest.cookies.get(name) } : undefined),
      getAll: () => [...testRequest.cookies].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string) => void testRequest.cookies.set(name, value),
    }),
  };
});

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
}));
