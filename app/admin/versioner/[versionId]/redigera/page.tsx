import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { versionIdSchema } from "@/lib/workflow/version-id-schema";
import { ArticleEditor } from "@/components/editor/article-editor";
import { glossaryTermChoices, procedureChoices, riskListChoices } from "@/lib/content/reference-choices";
import { RiskListEditor } from "@/components/editor/risk-list-editor";
import { GlossaryTermEditor } from "@/components/editor/glossary-term-editor";
import { StartEditingButton } from "@/components/editor/start-editing-button";
import { requirePageUser } from "@/lib/auth/require-user";
import { readArticleContent, readGlossaryTermContent, readRiskListContent } from "@/lib/content/version-content";
import { getDb } from "@/lib/db/client";
import { checkTransition } from "@/lib/workflow/version-workflow";
import { publishedBaseOf } from "@/lib/workflow/version-change-kind";
import { itemOfVersion } from "@/lib/items/item";
import { lixTarget } from "@/lib/readability/readability-target";
import "@/components/editor/editor.css";
import { adminPaths } from "@/lib/paths/admin-paths";

export const metadata: Metadata = { title: "Redigera utkast" };
export const dynamic = "force-dynamic";

type EditDraftPageProps = { params: Promise<{ versionId: string }> };

export default async function EditDraftPage({ params }: EditDraftPageProps) {
  const { versionId } = await params;
  const user = await requirePageUser(adminPaths.editDraft(versionId), ["EDITOR"]);
  if (!versionIdSchema.safeParse(versionId).success) notFound();
  const db = getDb();
  const version = await db.contentVersion.findUnique({
    where: { id: versionId },
    include: { article: { select: { id: true, slug: true, locale: true, kind: true } }, riskList: { select: { id: true, slug: true, locale: true } }, glossaryTerm: { select: { id: true } } },
  });
  if (!version) notFound();
  const item = itemOfVersion(version);
  const itemPath = adminPaths.item(item);
  const versionPath = adminPaths.version(version.id);
  const previewPath = adminPaths.preview(version.id);

  const editable = checkTransition("editDraft", version, user, "independent");
  if (!editable.allowed) {
    return (
      <>
        <h1>
          {version.title} – version {version.number}
        </h1>
        <p className="editor-notice" role="note">
          Den här versionen kan inte redigeras ({editable.message}). Ändringar görs i ett utkast; se även{" "}
          <Link href={itemPath}>alla versioner</Link>.
        </p>
        <StartEditingButton item={item} label="Öppna utkastet (nytt eller pågående)" />
        <p>
          <Link href={versionPath}>Till versionens sida</Link>
        </p>
      </>
    );
  }

  const heading = (
    <>
      <p>
        <Link href={itemPath}>{version.article ? "Artikeln" : version.glossaryTerm ? "Ordlistetermen" : "Risklistan"}</Link> · <Link href={versionPath}>Versionens sida</Link>
      </p>
      <h1>
        Redigera utkast: {version.title} <span className="editor-optional">(version {version.number})</span>
      </h1>
    </>
  );
  const common = { versionId: version.id, revision: version.revision, updatedAt: version.updatedAt.toISOString(), previewPath };

  if (version.article) {
    const [content, base, riskLists, procedures, glossary] = await Promise.all([
      readArticleContent(db, version.id),
      publishedBaseOf(db, version),
      riskListChoices(db, version.article.locale),
      version.article.kind === "OVERVIEW" ? procedureChoices(db, version.article.locale, version.article.id) : Promise.resolve([]),
      glossaryTermChoices(db, version.article.locale),
    ]);
    return (
      <>
        {heading}
        <ArticleEditor
          {...common}
          content={content}
          published={base && "blocks" in base.content ? base.content : null}
          riskLists={riskLists}
          procedures={procedures}
          lixTarget={lixTarget()}
          glossary={glossary}
        />
      </>
    );
  }
  if (version.glossaryTerm) {
    return (
      <>
        {heading}
        <GlossaryTermEditor
          {...common}
          content={await readGlossaryTermContent(db, version.id)}
          published={await publishedBaseOf(db, version).then((base) => (base && "explanation" in base.content ? base.content : null))}
        />
      </>
    );
  }
  const riskListBase = await publishedBaseOf(db, version);
  return (
    <>
      {heading}
      <RiskListEditor {...common} content={await readRiskListContent(db, version.id)} published={riskListBase && "groups" in riskListBase.content ? riskListBase.content : null} />
    </>
  );
}
