/**
 * The tags a public response carries for a CDN (`Cache-Tag`, comma-separated, as Cloudflare reads it;
 * `Surrogate-Key`, space-separated, as Fastly and Varnish setups read it), naming what it contains.
 * Every public response carries `publicContentCacheTag`: Granskad invalidates all public responses at
 * once on every change (an article embeds procedures and risk lists, the lists and the feed name every
 * item), so the purge hook (lib/webhooks/cdn-purge.ts) purges that one tag; the finer tags let an
 * operator purge or inspect by hand.
 */
export const publicContentCacheTag = "granskad-public";

/** A slug as a tag may carry it (tags are tokens: no spaces, commas or quotes). */
function tagSafe(slug: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return undefined;
  }
  return /^[a-z0-9][a-z0-9-]{0,119}$/.test(decoded) ? decoded : undefined;
}

export function publicCacheTags(path: string): string[] {
  const tags = [publicContentCacheTag];
  const [, section = "", slug] = path.split("/");
  if (path === "/") tags.push("granskad-page", "granskad-home");
  else if (path === "/ordlista") tags.push("granskad-page", "granskad-glossary");
  else if (section === "artiklar" || section === "risklistor") {
    tags.push("granskad-page");
    const safe = slug === undefined ? undefined : tagSafe(slug);
    if (safe) tags.push(`granskad-${section === "artiklar" ? "article" : "risk-list"}-${safe}`);
  } else if (path === "/feed.json") tags.push("granskad-feed");
  else if (path.startsWith("/api/")) tags.push("granskad-api");
  else tags.push("granskad-meta");
  return tags;
}

/**
 * Set by a route on a response the edge's page cache may store (lib/server/page-cache.ts), value "1";
 * the edge removes it before the response leaves. The feed and the API set it only when every parameter
 * was valid and written in its canonical form (lib/api/public-json-route.ts).
 */
export const pageCacheStoreHeader = "x-granskad-page-cache";
