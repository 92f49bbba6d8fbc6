/**
 * The origin every absolute public URL starts with (canonical and Open Graph URLs, JSON-LD, the sitemap
 * and robots.txt, the feed, the API and webhook bodies): PUBLIC_BASE_URL, else NEXTAUTH_URL (which
 * `npm start` always sets), else http://localhost:$PORT. Never the request's Host or X-Forwarded-Host, so
 * a client cannot put its own host into a page a CDN caches or a payload a consumer stores, and every
 * surface names the same origin for the same content.
 */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.PUBLIC_BASE_URL || env.NEXTAUTH_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}
