import { LRUCache } from "lru-cache";
import type { ReactElement } from "react";
import Markdown, { type Components } from "react-markdown";
import { isWebUrl } from "@/lib/content/inline-markdown-document";

/**
 * Paragraph and callout text is a Markdown subset: *emphasis*, **strong** and [links](https://…).
 * Everything else (raw HTML, images, headings, lists) is dropped or reduced to its text, so stored text
 * can never inject markup.
 */
const allowedElements = ["p", "em", "strong", "a"];

const components: Components = {
  // Only web links become links; anything else (javascript:, data:, relative paths) stays plain text.
  a: ({ href, children }) => (isWebUrl(href) ? <a href={href}>{children}</a> : <>{children}</>),
};

/**
 * The rendered elements of each text, kept: published text is immutable, so a paragraph is parsed
 * (micromark, remark, rehype: most of a page's render time) once, not on every render of every page
 * that shows it, and a first render after a publish parses only the text that changed. React elements
 * are immutable values and may be rendered again and again. Bounded by count and by characters of text;
 * least recently used go first.
 */
const rendered = new LRUCache<string, ReactElement>({ max: 20_000, maxSize: 8 * 2 ** 20, sizeCalculation: (_, text) => text.length + 200 });

function renderInlineMarkdown(text: string): ReactElement {
  let element = rendered.get(text);
  if (!element) {
    element = Markdown({ allowedElements, unwrapDisallowed: true, skipHtml: true, components, children: text });
    rendered.set(text, element);
  }
  return element;
}

export function InlineMarkdown({ text }: { text: string }) {
  return renderInlineMarkdown(text);
}
