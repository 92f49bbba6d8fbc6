import { serializeJsonLd } from "@/lib/seo/structured-data";

/** Structured data for search engines; serializeJsonLd makes the content safe inside the element. */
export function JsonLdScript({ data }: { data: Parameters<typeof serializeJsonLd>[0] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
