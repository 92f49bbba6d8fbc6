import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/client";
import { changedBlockKeys, diffContent } from "@/lib/content/version-diff";
import { readabilityForDiff } from "@/lib/readability/readability-comparison";
import { lixTarget } from "@/lib/readability/readability-target";
import { availableActions, checkTransition } from "@/lib/workflow/version-workflow";
import { versionAuthorship } from "@/lib/workflow/version-lock";
import { explainChangeKind } from "@/lib/workflow/version-change-kind";
import { StartEditingButton } from "@/components/editor/start-editing-button";
import { feedbackSinceLastReview } from "@/lib/feedback/feedback-since-review";
import { findItemTitles, findPublishedRiskListContents, findReviewCycle, findRiskListUsage, findVersionForReview } from "@/lib/workflow/version-queries";
import { RiskListUsage } from "@/components/review/risk-list-usage";
import { CommentState, VersionDiffView, referencedIds, type BlockComment } from "@/components/review/version-diff-view";
import { ApproveVersionForm, ReattestVersionForm, RequestChangesForm, ReviewCommentForm } from "@/components/review/review-forms";
import { blockLabel, changeKindSentence, reviewCommentAuthorName, decisionLabels, reviewChecklistLabels, reviewCycleLabel, formatAdminDateTime, formatCalendarDate, itemKindLabel, versionLabel, versionStatusLabels } from "@/lib/labels/sv";
import { PublishControls } from "@/components/publishing/publish-controls";
import { adminPaths } from "@/lib/paths/admin-paths";
import { ExternalReviewPanel, type InvitationRow } from "@/components/external-review/external-review-panel";
import { externalReviewDays } from "@/lib/external-review/external-review-config";
import { findInvitationsOfVersion, invitationState } from "@/lib/external-review/invitations";
import { externalReviewLabels } from "@/lib/labels/sv";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Version" };

type Props = { params: Promise<{ versionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One version for review: what changed against the published version, comments and decisions. */
export default async function VersionPage({ params, searchParams }: Props) {
  const { versionId } = await params;
  const query = await searchParams;
  const onlyChanges = query.visa === "andringar";
  const against = query.jamfor === "publicerad" ? ("published" as const) : undefined;
  const user = await requirePageUser(adminPaths.version(versionId));
  const db = getDb();
  const review = await findVersionForReview(db, versionId, { against });
  if (!review) notFound();
  const { version, item, content, baseline, comparison, sentBack, publishedBaseline, firstVersion } = review;

  const { authorship } = await versionAuthorship(db, version.id, user.id);
  const actions = availableActions(version, user, authorship);
  const reviewActions = ["approve", "requestChanges", "reattest"] as const;
  const barredBy = reviewActions.map((name) => checkTransition(name, version, user, authorship)).find((check) => !check.allowed && check.fourEyes);
  const barredAsAuthor = barredBy !== undefined && !barredBy.allowed ? barredBy.message : null;
  const needsClinician = (["approve", "reattest"] as const).map((name) => checkTransition(name, version, user, authorship)).find((check) => !check.allowed && check.clinicianRequired);
  const clinicianRefusal = needsClinician !== undefined && !needsClinician.allowed ? needsClinician.message : null;
  const changeKind = version.status === "DRAFT" ? null : await explainChangeKind(db, version);

  const diff = diffContent(baseline?.content ?? null, content);
  const referenced = referencedIds(diff);
  const [titles, riskLists, usage] = await Promise.all([
    findItemTitles(db, referenced),
    findPublishedRiskListContents(db, referenced.riskListIds),
    item.kind === "riskList" ? findRiskListUsage(db, item.id) : Promise.resolve([]),
  ]);

  const blocks = "blocks" in content ? content.blocks : [];
  const blockLabels = new Map(blocks.map((block, index) => [block.key, blockLabel(block, index + 1)]));
  const commentsByBlock: Record<string, BlockComment[]> = {};
  // The last review's comments beside the blocks they were about, marked addressed once the block changed.
  const changedSinceSentBack = sentBack ? changedBlockKeys(diffContent(sentBack.content, content)) : new Set<string>();
  const earlierComments = (sentBack?.comments ?? []).map((comment) => ({
    id: comment.id,
    authorName: reviewCommentAuthorName(comment),
    body: comment.body,
    createdAt: comment.createdAt,
    blockKey: comment.blockKey,
    earlier: { versionNumber: sentBack!.version.number, addressed: comment.blockKey !== null && changedSinceSentBack.has(comment.blockKey) },
  }));
  for (const comment of [...earlierComments, ...version.comments.map((comment) => ({ id: comment.id, authorName: reviewCommentAuthorName(comment), body: comment.body, createdAt: comment.createdAt, blockKey: comment.blockKey }))]) {
    if (!comment.blockKey) continue;
    (commentsByBlock[comment.blockKey] ??= []).push(comment);
  }
  const attesting = actions.includes("approve") || actions.includes("reattest");
  const cycle = await findReviewCycle(db, item);
  const feedback = attesting ? await feedbackSinceLastReview(db, item) : null;
  // External review: reviewers and admins see the invitations (with the experts' e-mail addresses) and act on them.
  const seesExternalReview = user.roles.some((role) => role === "REVIEWER" || role === "ADMIN");
  const invitationRows: InvitationRow[] = seesExternalReview
    ? (await findInvitationsOfVersion(db, version.id)).map((invitation) => {
        const state = invitationState(invitation, version);
        return {
          id: invitation.id,
          expert: `${invitation.expertName}, ${invitation.expertTitle}`,
          email: invitation.expertEmail,
          invitedBy: invitation.invitedBy.name,
          createdAt: formatAdminDateTime(invitation.createdAt),
          expiresAt: formatAdminDateTime(invitation.expiresAt),
          state: externalReviewLabels.invitationStatus[state],
          revocable: state === "active" || state === "closed",
          emailSent: invitation.emailSentAt !== null,
          lastViewedAt: invitation.lastViewedAt ? formatAdminDateTime(invitation.lastViewedAt) : null,
          commentCount: invitation._count.comments,
        };
      })
    : [];
  const canInviteExternal = actions.includes("inviteExternalReviewer");
  const authorNames = version.authors.map((author) => author.user.name).join(", ") || version.createdBy.name;

  return (
    <article className="review-page" aria-labelledby="version-heading">
      <p>
        <Link href={adminPaths.item(item)}>← Alla versioner av {itemKindLabel(item).toLowerCase()}</Link>
      </p>
      <header className="review-header">
        <h1 id="version-heading">{version.title}</h1>
        <dl>
          <dt>Typ</dt>
          <dd>{itemKindLabel(item)}</dd>
          <dt>Version</dt>
          <dd>{version.number}</dd>
          <dt>Status</dt>
          <dd data-testid="version-status">{versionStatusLabels[version.status]}</dd>
          <dt>Författare</dt>
          <dd>{authorNames}</dd>
          <dt>Skapad</dt>
          <dd>{formatAdminDateTime(version.createdAt)}</dd>
          {version.submittedAt && (
            <>
              <dt>Skickad till granskning</dt>
              <dd>{formatAdminDateTime(version.submittedAt)}</dd>
            </>
          )}
          <dt>Typ av ändring</dt>
          <dd data-testid="change-kind" data-change-kind={changeKind?.kind}>
            {changeKind ? changeKindSentence(changeKind.kind, changeKind.reasons) : "avgörs när versionen skickas till granskning"}
          </dd>
          <dt>Ändringsnotering (intern)</dt>
          <dd>{version.changeNote ?? "–"}</dd>
          <dt>Vad har ändrats (för läsaren)</dt>
          <dd>{version.readerNote ?? "–"}</dd>
          <dt>Innehållshash</dt>
          <dd className="review-hash" title={version.contentHash ?? undefined}>
            {version.contentHash ? version.contentHash.slice(0, 12) : "beräknas när versionen skickas till granskning"}
          </dd>
          {version.lastReviewedAt && (
            <>
              <dt>Senast granskad</dt>
              <dd>{formatAdminDateTime(version.lastReviewedAt)}</dd>
            </>
          )}
          <dt>Granskningscykel</dt>
          <dd data-testid="review-cycle">{reviewCycleLabel(cycle)}</dd>
          {version.nextReviewDue && (
            <>
              <dt>Nästa granskning</dt>
              <dd>{formatCalendarDate(version.nextReviewDue)}</dd>
            </>
          )}
        </dl>
        <p className="review-links">
          {actions.includes("editDraft") && (
            <>
              <Link href={adminPaths.editDraft(version.id)}>Redigera utkastet</Link> ·{" "}
            </>
          )}
          <Link href={adminPaths.preview(version.id)} data-testid="preview-link">
            Förhandsvisning (som läsaren ser den)
          </Link>
          {firstVersion && (
            <>
              {" "}
              ·{" "}
              <Link href={adminPaths.comparison(firstVersion.id, version.id)} data-testid="full-history-link">
                Jämför med version {firstVersion.number} (hela historiken)
              </Link>
            </>
          )}
        </p>
      </header>

      <PublishControls version={version} />

      <section className="review-section" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Beslut</h2>
        {version.decisions.length === 0 ? (
          <p>Inga beslut ännu.</p>
        ) : (
          <ul className="review-comment-list" data-testid="decisions">
            {version.decisions.map((decision) => (
              <li key={decision.id}>
                <p>
                  <strong>{decisionLabels[decision.kind]}</strong> av {decision.reviewerName}, {decision.reviewerTitle}, {decision.reviewerSpecialty},{" "}
                  {formatAdminDateTime(decision.createdAt)}
                </p>
                {decision.nextReviewDue && <p className="review-hint">Nästa granskning senast {formatCalendarDate(decision.nextReviewDue)}</p>}
                {decision.checklist !== null && (
                  <p className="review-hint" data-testid="decision-checklist">
                    Hela sidan granskad: {Object.values(reviewChecklistLabels).join("; ")}.
                    {decision.reviewIntervalMonths ? ` ${reviewCycleLabel(decision.reviewIntervalMonths)}.` : ""}
                  </p>
                )}
                <p className="review-hint">Gäller innehållshash {decision.contentHash.slice(0, 12)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="review-section" aria-labelledby="diff-heading">
        <h2 id="diff-heading">Ändringar</h2>
        {baseline ? (
          <p data-testid="diff-baseline">
            Jämfört med{" "}
            {comparison === "sentBack"
              ? "versionen som skickades tillbaka med begärda ändringar"
              : baseline.version.status === "PUBLISHED"
                ? "den publicerade versionen"
                : "versionen den ersatte"}
            , <Link href={adminPaths.version(baseline.version.id)}>{versionLabel(baseline.version)}</Link>.
          </p>
        ) : (
          <p data-testid="diff-baseline">Första versionen: det finns ingen publicerad version att jämföra med, så allt innehåll visas som tillagt.</p>
        )}
        {sentBack && (
          <p className="review-hint" data-testid="comparison-switch">
            {comparison === "sentBack" ? (
              publishedBaseline && (
                <Link href={adminPaths.version(version.id, { against: "published", onlyChanges })}>
                  Jämför i stället med den publicerade versionen ({versionLabel(publishedBaseline)})
                </Link>
              )
            ) : (
              <Link href={adminPaths.version(version.id, { onlyChanges })}>
                Jämför i stället med versionen som skickades tillbaka ({versionLabel(sentBack.version)})
              </Link>
            )}
          </p>
        )}
        <VersionDiffView
          diff={diff}
          beforeLabel={baseline ? versionLabel(baseline.version) : "Ingen tidigare version"}
          afterLabel={versionLabel(version)}
          titles={titles}
          riskLists={riskLists}
          commentsByBlock={commentsByBlock}
          onlyChanges={onlyChanges}
          readability={readabilityForDiff(baseline?.content ?? null, content, lixTarget())}
          toggleHref={adminPaths.version(version.id, { onlyChanges: !onlyChanges, against })}
        />
      </section>

      {sentBack && (
        <section className="review-section" aria-labelledby="earlier-comments-heading">
          <h2 id="earlier-comments-heading">Kommentarer från förra granskningen ({versionLabel(sentBack.version)})</h2>
          {earlierComments.length === 0 ? (
            <p>Granskaren lämnade inga kommentarer.</p>
          ) : (
            <ul className="review-comment-list" data-testid="earlier-comments">
              {earlierComments.map((comment) => (
                <li key={comment.id}>
                  <p className="review-hint">
                    {comment.blockKey ? `Om blocket ${blockLabels.get(comment.blockKey) ?? "(finns inte längre)"}` : "Om hela versionen"} ·{" "}
                    {comment.authorName}, {formatAdminDateTime(comment.createdAt)}
                  </p>
                  <p>{comment.body}</p>
                  {comment.blockKey && <CommentState addressed={comment.earlier.addressed} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {item.kind === "riskList" && (
        <RiskListUsage usage={usage} />
      )}

      <section className="review-section" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Kommentarer</h2>
        {version.comments.length === 0 ? (
          <p>Inga kommentarer.</p>
        ) : (
          <ul className="review-comment-list" data-testid="comments">
            {version.comments.map((comment) => (
              <li key={comment.id} data-testid={comment.externalInvitation ? "external-comment" : undefined}>
                <p className="review-hint">
                  {comment.blockKey ? `Om blocket ${blockLabels.get(comment.blockKey) ?? "(finns inte längre)"}` : "Om hela versionen"} ·{" "}
                  {reviewCommentAuthorName(comment)}, {formatAdminDateTime(comment.createdAt)}
                </p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {seesExternalReview && (canInviteExternal || invitationRows.length > 0) && (
        <ExternalReviewPanel versionId={version.id} invitations={invitationRows} canInvite={canInviteExternal} canRevoke={seesExternalReview} days={externalReviewDays()} />
      )}

      <section className="review-section" aria-labelledby="review-heading">
        <h2 id="review-heading">Granskning</h2>
        {barredAsAuthor && (
          <p className="review-notice" data-testid="four-eyes-notice">
            {barredAsAuthor}. En annan granskare måste göra det.
          </p>
        )}
        {!barredAsAuthor && clinicianRefusal && (
          <p className="review-notice" data-testid="clinician-notice">
            {clinicianRefusal}
          </p>
        )}
        {version.status === "CHANGES_REQUESTED" && actions.includes("startDraftFrom") ? (
          <div className="review-notice" data-testid="revise-notice">
            <p>Granskaren har begärt ändringar. Revidera texten i ett nytt utkast som utgår från den här versionen och skicka in det igen.</p>
            <StartEditingButton
              item={{ kind: item.kind, id: item.id }}
              fromVersionId={version.id}
              label={`Revidera version ${version.number}`}
            />
          </div>
        ) : (
          !barredAsAuthor &&
          !reviewActions.some((name) => actions.includes(name)) &&
          !actions.includes("comment") && <p>Det finns inget för dig att granska i versionens nuvarande status ({versionStatusLabels[version.status]}).</p>
        )}
        {feedback && (
          <div className="review-notice" data-testid="feedback-since-review">
            <h3>Läsarnas återkoppling sedan {feedback.since ? `förra granskningen (${formatAdminDateTime(feedback.since)})` : "publiceringen"}</h3>
            <p>
              {item.kind === "riskList" && `Från de ${feedback.articleCount} artiklar som visar risklistan. `}
              ”Var det här till hjälp?”: {feedback.helpful} ja, {feedback.notHelpful} nej. Läsarkommentarer: {feedback.commentCount}.
            </p>
            {feedback.recentComments.length > 0 && (
              <ul className="review-comment-list">
                {feedback.recentComments.map((comment) => (
                  <li key={comment.id}>
                    <p className="review-hint">
                      {comment.name}, {formatAdminDateTime(comment.createdAt)}
                      {comment.status === "PENDING" ? " (väntar på moderering)" : ""}
                    </p>
                    <p>{comment.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="review-forms">
          {actions.includes("approve") && version.contentHash && (
            <ApproveVersionForm versionId={version.id} contentHash={version.contentHash} intervalMonths={cycle} />
          )}
          {actions.includes("requestChanges") && <RequestChangesForm versionId={version.id} />}
          {actions.includes("reattest") && <ReattestVersionForm versionId={version.id} intervalMonths={cycle} />}
          {actions.includes("comment") && (
            <ReviewCommentForm versionId={version.id} blocks={blocks.map((block, index) => ({ key: block.key, label: blockLabel(block, index + 1) }))} />
          )}
        </div>
      </section>
    </article>
  );
}
