import type { PublicBlock } from "@/lib/content/public-content";
import { bodySections, commentsSectionId, commentsTitle, feedbackSectionId, feedbackTitle, sectionsForTableOfContents, tableOfContentsId } from "./article-outline";

/**
 * "Innehåll" near the top of a long article: a link to each section of the body (on an overview, each
 * procedure), and to the feedback question and the comments, so a reader on a phone reaches them without
 * scrolling through the whole article. A short article gets none.
 */
export function TableOfContents({ blocks }: { blocks: PublicBlock[] }) {
  const sections = bodySections(blocks);
  if (sections.length < sectionsForTableOfContents) return null;
  const entries = [...sections, { id: feedbackSectionId, title: feedbackTitle }, { id: commentsSectionId, title: commentsTitle }];
  return (
    <nav className="table-of-contents" id={tableOfContentsId} aria-labelledby={`${tableOfContentsId}-rubrik`}>
      <h2 id={`${tableOfContentsId}-rubrik`}>Innehåll</h2>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
