import { headers } from "next/headers";
import { serializeJsonLd } from "@/lib/seo/structured-data";

/**
 * Structured data for search engines; serializeJsonLd makes the content safe inside the element. The
 * browser never executes it, but it carries the request's nonce (proxy.ts) like every other script, so
 * the page holds no script element the policy would not allow.
 */
export async function JsonLdScript({ data }: { data: Parameters<typeof serializeJsonLd>[0] }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
