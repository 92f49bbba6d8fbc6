import { listApprovedComments } from "@/lib/comments/approved-comments";
import { getDb } from "@/lib/db/client";
import { commentsSectionId, commentsTitle } from "./article-outline";
import { CommentForm } from "./comment-form";
import { FeedbackForm } from "./feedback-form";
import { formatSwedishDate } from "./swedish-labels";
import "./reader-responses.css";

/** Below an article's body (at `pagePath`): "Var det här till hjälp?", the approved comments and the comment form. */
export async function ReaderResponses({ articleId, pagePath }: { articleId: string; pagePath: string }) {
  const comments = await listApprovedComments(getDb(), articleId);
  return (
    <div className="reader-responses">
      <FeedbackForm articleId={articleId} pagePath={pagePath} />
      <section className="comments" id={commentsSectionId} aria-labelledby={`${commentsSectionId}-rubrik`} data-testid="comments">
        <h2 id={`${commentsSectionId}-rubrik`}>{commentsTitle}</h2>
        {comments.length === 0 ? (
          <p>Inga kommentarer ännu.</p>
        ) : (
          <ol className="comment-list">
            {comments.map((comment) => (
              <li key={comment.id} className="comment" data-testid="comment">
                <p className="comment-meta">
                  <span className="comment-name">{comment.name}</span>,{" "}
                  <time dateTime={comment.createdAt.toISOString()}>{formatSwedishDate(comment.createdAt)}</time>
                </p>
                <p className="comment-body">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
        <CommentForm articleId={articleId} pagePath={pagePath} />
      </section>
    </div>
  );
}
