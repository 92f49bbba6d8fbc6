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

export function InlineMarkdown({ text, glossary = noGlossary }: { text: string; glossary?: Glossary }) {
  return (
    <Markdown allowedElements={allowedElements} unwrapDisallowed skipHtml components={components(glossary)} urlTransform={urlTransform}>
      {text}
    </Markdown>
  );
}
