import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { versionIdSchema } from "@/lib/workflow/version-id-schema";
import { versionStatusLabels } from "@/lib/labels/sv";
import { ArticleBody } from "@/components/public/article-body";
import { GlossaryList } from "@/components/public/glossary-list";
import { ReaderNote, ReviewLine } from "@/components/public/review-metadata";
import { RiskListSection } from "@/components/public/risk-list";
import { requirePageUser } from "@/lib/auth/require-user";
import { glossaryForPreview, publicGlossaryPath, resolveBlocksForPreview, type ReviewMetadata } from "@/lib/content/public-content";
import { readArticleContent, readGlossaryTermContent, readRiskListContent } from "@/lib/content/version-content";
import { getDb } from "@/lib/db/client";
import "@/components/editor/editor.css";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Förhandsvisning", robots: { index: false } };
export const dynamic = "force-dynamic";

type PreviewPageProps = { params: Promise<{ versionId: string }> };

/**
 * Any version of an article or risk list, signed in only, rendered by the public components exactly as
 * its public page would show it (references resolved to their current published versions).
 */
export default async function PreviewPage({ params }: PreviewPageProps) {
  const { versionId } = await params;
  await requirePageUser(adminPaths.preview(versionId));
  if (!versionIdSchema.safeParse(versionId).success) notFound();
  const db = getDb();
  const version = await db.contentVersion.findUnique({
    where: { id: versionId },
    include: {
      riskList: { select: { slug: true } },
      decisions: { where: { kind: { in: ["APPROVE", "REATTEST"] } }, orderBy: { createdAt: "desc" }, take: 1, select: { reviewerName: true, reviewerTitle: true, reviewerSpecialty: true } },
    },
  });
  if (!version) notFound();

  const banner = (
    <p className="editor-preview-banner" role="note">
      Förhandsvisning – inte publicerad. Version {version.number} ({versionStatusLabels[version.status]}), sparad text.{" "}
      {version.status === "DRAFT" && <Link href={adminPaths.editDraft(version.id)}>Tillbaka till redigeraren</Link>}
    </p>
  );

  if (version.glossaryTermId) {
    const term = await readGlossaryTermContent(db, version.id);
    return (
      <>
        {banner}
        <div className="editor-preview-frame">
          <dl className="glossary">
            <div className="glossary-entry">
              <dt>
                <dfn>{term.title}</dfn>
              </dt>
              <dd>{term.explanation}</dd>
            </div>
          </dl>
        </div>
      </>
    );
  }

  if (version.riskListId) {
    const content = await readRiskListContent(db, version.id);
    const riskList = {
      id: version.riskListId,
      slug: version.riskList?.slug ?? "",
      title: content.title,
      ...(content.summary === undefined ? {} : { summary: content.summary }),
      versionId: version.id,
      versionNumber: version.number,
      changeKind: version.changeKind,
      groups: content.groups,
    };
    return (
      <>
        {banner}
        <div className="editor-preview-frame">
          <RiskListSection riskList={riskList} headingLevel={1} id="forhandsvisning" linkToPage={false} />
        </div>
      </>
    );
  }

  const content = await readArticleContent(db, version.id);
  const blocks = await resolveBlocksForPreview(db, content.blocks);
  const glossary = await glossaryForPreview(db, blocks);
  const decision = version.decisions[0];
  const review: ReviewMetadata = {
    versionId: version.id,
    versionNumber: version.number,
    changeKind: version.changeKind,
    publishedAt: version.publishedAt,
    lastReviewedAt: version.lastReviewedAt,
    nextReviewDue: version.nextReviewDue,
    reviewer: decision ? { name: decision.reviewerName, title: decision.reviewerTitle, specialty: decision.reviewerSpecialty } : null,
    readerNote: version.readerNote,
  };
  return (
    <>
      {banner}
      <div className="editor-preview-frame">
        <article className="article">
          <header className="article-header">
            <h1>{content.title}</h1>
            {content.summary && <p className="lead">{content.summary}</p>}
            <ReviewLine review={review} />
          </header>
          <ReaderNote note={review.readerNote} />
          <ArticleBody blocks={blocks} sectionLevel={1} glossary={glossary} />
          <GlossaryList entries={glossary} level={2} glossaryPath={publicGlossaryPath} />
        </article>
      </div>
    </>
  );
}
