import { listApprovedComments } from "@/lib/comments/approved-comments";
import { getDb } from "@/lib/db/client";
import { CommentForm } from "./comment-form";
import { FeedbackForm } from "./feedback-form";
import { formatSwedishDate } from "./swedish-labels";
import "./reader-responses.css";

/** Below an article's body: "Var det här till hjälp?", the approved comments and the comment form. */
export async function ReaderResponses({ articleId }: { articleId: string }) {
  const comments = await listApprovedComments(getDb(), articleId);
  return (
    <div className="reader-responses">
      <FeedbackForm articleId={articleId} />
      <section className="comments" aria-labelledby="kommentarer-rubrik" data-testid="comments">
        <h2 id="kommentarer-rubrik">Kommentarer</h2>
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
        <CommentForm articleId={articleId} />
      </section>
    </div>
  );
}
