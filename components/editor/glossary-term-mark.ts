import { Mark, mergeAttributes } from "@tiptap/core";

/**
 * The editor's glossary-term mark: text marked as a term of the glossary, by the term's id. Stored as a
 * term: link (lib/content/inline-markdown-document.ts); in the editor a span with the id in a data
 * attribute. It cannot overlap a web link (Markdown links do not nest), and typing on after it does not
 * extend it.
 */
export const GlossaryTermMark = Mark.create({
  name: "glossaryTerm",
  inclusive: false,
  excludes: "link",
  addAttributes() {
    return {
      termId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-glossary-term"),
        renderHTML: (attributes) => ({ "data-glossary-term": attributes.termId as string }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-glossary-term]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { class: "editor-glossary-term" }), 0];
  },
});
