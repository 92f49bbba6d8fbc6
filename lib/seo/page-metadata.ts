import type { Metadata } from "next";

export const siteName = "Granskad";
export const siteDescription = "Patientinformation om injektioner mot ryggsmärta, granskad av läkare.";

/** Every page's title is "<the page's own title> – Granskad"; a page gives only its own part. */
export const siteTitle: Metadata["title"] = { default: siteName, template: `%s – ${siteName}` };

/**
 * A public content page's title, description, canonical URL and Open Graph tags. `path` is relative:
 * the public layout's metadataBase (lib/http/public-base-url.ts, never the request's host) makes it absolute.
 */
export function contentPageMetadata({ title, description, path, modifiedAt }: { title: string; description?: string; path: string; modifiedAt?: Date | null }): Metadata {
  return {
    title,
    ...(description ? { description } : {}),
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      locale: "sv_SE",
      siteName,
      url: path,
      title,
      ...(description ? { description } : {}),
      ...(modifiedAt ? { modifiedTime: modifiedAt.toISOString() } : {}),
    },
  };
}
