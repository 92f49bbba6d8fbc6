import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExpertCommentForm } from "@/components/external-review/expert-comment-form";
import { VersionDiffView, referencedIds, type BlockComment } from "@/components/review/version-diff-view";
import { diffContent } from "@/lib/content/version-diff";
import { getDb } from "@/lib/db/client";
import { externalReviewReferences, readExternalReview } from "@/lib/external-review/expert-access";
import { blockLabel, externalCommentAuthor, externalReviewLabels, formatAdminDateTime, versionLabel } from "@/lib/labels/sv";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Version att granska" };

type Props = { params: Promise<{ token: string }> };

/**
 * What an invited outside expert sees through their link, without signing in: the version the link is
 * pinned to, its changes against the published version, their own comments, and the comment form while
 * the version is still in review with the content they were invited to. proxy.ts has already refused an
 * unknown (404), expired or revoked (410) or throttled (429) link; a link that stopped working since is a 404 here.
 */
export default async function ExternalReviewPage({ params }: Props) {
  const { token } = await params;
  const db = getDb();
  const view = await readExternalReview(db, token);
  if (!view) notFound();
  const { invitation, version, content, baseline, standing, comments } = view;
  const diff = diffContent(baseline?.content ?? null, content);
  const { titles, riskLists } = await externalReviewReferences(db, referencedIds(diff));
  const blocks = "blocks" in content ? content.blocks : [];
  const blockLabels = new Map(blocks.map((block, index) => [block.key, blockLabel(block, index + 1)]));
  const author = externalCommentAuthor(invitation);
  const commentsByBlock: Record<string, BlockComment[]> = {};
  for (const comment of comments) {
    if (comment.blockKey) (commentsByBlock[comment.blockKey] ??= []).push({ id: comment.id, authorName: author, body: comment.body, createdAt: comment.createdAt });
  }

  return (
    <article className="review-page" aria-labelledby="external-heading">
      <header className="review-header">
        <h1 id="external-heading">{version.title}</h1>
        <p data-testid="external-intro">
          Du granskar {versionLabel(version)} som {author}. Länken gäller till {formatAdminDateTime(invitation.expiresAt)} och bara för den här versionen.
          Du kan kommentera hela texten eller ett enskilt stycke; redaktionens granskare ser dina kommentarer och fattar beslutet.
        </p>
      </header>

      {standing !== "open" && (
        <p className="review-notice" role="status" data-testid="external-standing">
          {standing === "changed" ? externalReviewLabels.changed : externalReviewLabels.decided}
        </p>
      )}

      <section className="review-section" aria-labelledby="external-diff-heading">
        <h2 id="external-diff-heading">Ändringar</h2>
        <p data-testid="diff-baseline">
          {baseline
            ? `Jämfört med den publicerade versionen (${versionLabel(baseline.version)}).`
            : "Det finns ingen publicerad version att jämföra med, så allt innehåll visas som tillagt."}
        </p>
        <VersionDiffView
          diff={diff}
          beforeLabel={baseline ? versionLabel(baseline.version) : "Ingen publicerad version"}
          afterLabel={versionLabel(version)}
          titles={titles}
          riskLists={riskLists}
          commentsByBlock={commentsByBlock}
          onlyChanges={false}
        />
      </section>

      <section className="review-section" aria-labelledby="external-comments-heading">
        <h2 id="external-comments-heading">Dina kommentarer</h2>
        {comments.length === 0 ? (
          <p>Du har inte kommenterat ännu.</p>
        ) : (
          <ul className="review-comment-list" data-testid="external-own-comments">
            {comments.map((comment) => (
              <li key={comment.id}>
                <p className="review-hint">
                  {comment.blockKey ? `Om stycket ${blockLabels.get(comment.blockKey) ?? "(finns inte längre)"}` : "Om hela versionen"} · {formatAdminDateTime(comment.createdAt)}
                </p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
        )}
        {standing === "open" && <ExpertCommentForm token={token} blocks={blocks.map((block, index) => ({ key: block.key, label: blockLabel(block, index + 1) }))} />}
      </section>
    </article>
  );
}
