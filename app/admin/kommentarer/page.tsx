import type { Metadata } from "next";
import Link from "next/link";
import { ModerationButtons } from "@/components/moderation/moderation-buttons";
import { commentStatusLabels, formatSwedishDate } from "@/lib/labels/sv";
import "@/components/moderation/moderation.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { listCommentsForModeration } from "@/lib/comments/moderation-queue";
import { publicArticlePath } from "@/lib/content/public-content";
import { getDb } from "@/lib/db/client";
import { CommentStatus } from "@/lib/db/generated/enums";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Läsarkommentarer" };
export const dynamic = "force-dynamic";

type CommentsPageProps = { searchParams: Promise<{ status?: string | string[] }> };

const statuses = Object.values(CommentStatus);

export default async function CommentsPage({ searchParams }: CommentsPageProps) {
  await requirePageUser(adminPaths.comments(), ["ADMIN"]);
  const requested = (await searchParams).status;
  const status = statuses.find((candidate) => candidate === requested) ?? "PENDING";
  const { comments, counts } = await listCommentsForModeration(getDb(), status);
  return (
    <>
      <h1>Läsarkommentarer</h1>
      <p>Kommentarer visas på artikeln först när de är godkända. Läsarens e-postadress visas aldrig här.</p>
      <nav aria-label="Kommentarernas status">
        <ul className="moderation-tabs">
          {statuses.map((candidate) => (
            <li key={candidate}>
              <Link href={adminPaths.comments(candidate)} aria-current={candidate === status ? "page" : undefined}>
                {commentStatusLabels[candidate]} ({counts[candidate]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {comments.length === 0 ? (
        <p>Inga kommentarer med status {commentStatusLabels[status].toLowerCase()}.</p>
      ) : (
        <div className="table-scroll">
          <table className="moderation-table" data-testid="moderation-table">
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Kommentar</th>
                <th scope="col">Artikel</th>
                <th scope="col">Inskickad</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {comments.map((comment) => (
                <tr key={comment.id} data-testid="moderation-row">
                  <th scope="row">{comment.name}</th>
                  <td className="moderation-body">{comment.body}</td>
                  <td>
                    <Link href={publicArticlePath(comment.article.slug)}>{comment.article.title}</Link>
                  </td>
                  <td>
                    {formatSwedishDate(comment.createdAt)}
                    {comment.moderatedAt && comment.moderatorName && (
                      <>
                        <br />
                        {commentStatusLabels[comment.status]} av {comment.moderatorName}, {formatSwedishDate(comment.moderatedAt)}
                      </>
                    )}
                  </td>
                  <td>
                    <ModerationButtons commentId={comment.id} status={comment.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
