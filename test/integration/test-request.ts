/**
 * The request around the code under test, as the integration setup (./setup.ts) answers for Next.js:
 * who the session cookie signs in, the cookie jar, and the client address. Tests change it only through
 * the test kit (`signIn`) so that every test acts as a user the same way.
 */
export const testRequest = {
  /** The user the session names, and the session epoch it was issued under; null: not signed in. */
  session: null as { userId: string; sessionEpoch: number } | null,
  cookies: new Map<string, string>(),
  count: 0,
};

/**
 * The headers of the next request. Each request comes from a new client address, so that the per-address
 * rate limits of sign-in and the reader forms never decide a test that is not about them.
 */
export function nextRequestHeaders(): Headers {
  testRequest.count += 1;
  const address = `10.${Math.floor(testRequest.count / 62_500) % 250}.${Math.floor(testRequest.count / 250) % 250}.${testRequest.count % 250}`;
  return new Headers({ "x-granskad-client-address": address });
}
