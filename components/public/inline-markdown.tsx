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

export function InlineMarkdown({ text }: { text: string }) {
  return (
    <Markdown allowedElements={allowedElements} unwrapDisallowed skipHtml components={components}>
      {text}
    </Markdown>
  );
}
