import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import { glossaryTermIdOf, isWebUrl } from "@/lib/content/inline-markdown-document";
import type { PublishedGlossaryEntry } from "@/lib/content/public-content";
import { glossaryEntryId, glossaryExplanationId } from "./glossary-anchors";

/**
 * Paragraph and callout text is a Markdown subset: *emphasis*, **strong**, [links](https://…) and
 * glossary terms ([term](term:<id>)). Everything else (raw HTML, images, headings, lists) is dropped or
 * reduced to its text, so stored text can never inject markup.
 *
 * A term whose glossary entry is in `glossary` (published) links to that entry in the page's glossary
 * (components/public/glossary-list.tsx), with the explanation as the link's description for screen
 * readers; any other term is plain text.
 */
const allowedElements = ["p", "em", "strong", "a"];

type Glossary = ReadonlyMap<string, PublishedGlossaryEntry>;

function components(glossary: Glossary): Components {
  return {
    a: ({ href, children }) => {
      const termId = glossaryTermIdOf(href);
      if (termId !== null) {
        const entry = glossary.get(termId);
        if (!entry) return <>{children}</>;
        return (
          <a href={`#${glossaryEntryId(entry.slug)}`} className="glossary-term" aria-describedby={glossaryExplanationId(entry.slug)}>
            {children}
          </a>
        );
      }
      // Only web links become links; anything else (javascript:, data:, relative paths) stays plain text.
      return isWebUrl(href) ? <a href={href}>{children}</a> : <>{children}</>;
    },
  };
}

/** Keeps term: addresses for the component above to read; every other address as react-markdown would. */
const urlTransform = (url: string) => (glossaryTermIdOf(url) !== null ? url : defaultUrlTransform(url));

const noGlossary: Glossary = new Map();

/**
 * The rendered elements of each text, kept: published text is immutable, so a paragraph is parsed
 * (micromark, remark, rehype: most of a page's render time) once, not on every render of every page
 * that shows it, and a first render after a publish parses only the text that changed. React elements
 * are immutable values and may be rendered again and again. Bounded by count and by characters of text;
 * least recently used go first.
 *
 * A text that marks glossary terms renders differently with other published terms (a term without a
 * published version is plain text; the links name the entries' slugs), so its key also names the
 * page's published terms; text without term marks is keyed by itself alone.
 */
const rendered = new LRUCache<string, ReactElement>({ max: 20_000, maxSize: 8 * 2 ** 20, sizeCalculation: (_, key) => key.length + 200 });

function cacheKey(text: string, glossary: Glossary): string {
  if (!text.includes("](term:")) return text;
  const terms = [...glossary.values()].map((entry) => `${entry.id}=${entry.slug}`).sort();
  return `${text}\u0000${terms.join(",")}`;
}

function renderInlineMarkdown(text: string, glossary: Glossary): ReactElement {
  const key = cacheKey(text, glossary);
  let element = rendered.get(key);
  if (!element) {
    element = Markdown({ allowedElements, unwrapDisallowed: true, skipHtml: true, components: components(glossary), urlTransform, children: text });
    rendered.set(key, element);
  }
  return element;
}

export function InlineMarkdown({ text, glossary = noGlossary }: { text: string; glossary?: Glossary }) {
  return renderInlineMarkdown(text, glossary);
}
