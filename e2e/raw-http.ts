import http from "node:http";
import { baseURL as e2eBaseUrl } from "../playwright.config";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/**
 * One HTTP request as an attacker (or a proxy) sends it: any method and headers, from a chosen loopback
 * source address (127.0.0.2 is the e2e server's trusted proxy, see playwright.config.ts), redirects not
 * followed.
 */
export function rawRequest(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; from?: string }): Promise<RawResponse> {
  const base = new URL(e2eBaseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, method: options.method ?? "GET", path: options.path, headers: options.headers, localAddress: options.from ?? "127.0.0.1" },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

function cookieHeader(setCookie: string[] | undefined): string {
  return (setCookie ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
}

/**
 * A sign-in attempt through next-auth's credentials callback, as a script would make it (CSRF token
 * first). Returns where next-auth sends the browser, and the session cookie when one was set.
 */
export async function signInOverHttp(options: { email: string; password: string; callbackUrl?: string; from?: string; headers?: Record<string, string> }) {
  const csrf = await rawRequest({ path: "/api/auth/csrf", from: options.from, headers: options.headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await rawRequest({
    method: "POST",
    path: "/api/auth/callback/credentials",
    from: options.from,
    headers: { ...options.headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers["set-cookie"]) },
    body: new URLSearchParams({ csrfToken, email: options.email, password: options.password, callbackUrl: options.callbackUrl ?? "/admin" }).toString(),
  });
  const location = new URL(String(response.headers.location ?? "/"), e2eBaseUrl);
  const sessionCookie = (response.headers["set-cookie"] ?? []).find((cookie) => cookie.includes("session-token="));
  return { status: response.status, location, error: location.searchParams.get("error"), sessionCookie };
}
