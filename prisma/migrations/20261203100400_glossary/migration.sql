-- The glossary (README, "Glossary"): medical terms explained in plain Swedish, each term its own reviewed
-- item with versions like a risk list. A version's title is the term; its explanation and the inflected
-- forms or synonyms that also count as the term are its GlossaryEntry row.

CREATE TABLE "GlossaryTerm" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "archivedAt" TIMESTAMPTZ(3),
    "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    -- The responsible owner, as for articles and risk lists (migration 20261203100300_item_owners).
    "ownerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GlossaryTerm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "GlossaryTerm_slug_locale_key" ON "GlossaryTerm"("slug", "locale");
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_locale_check" CHECK ("locale" ~ '^[a-z]{2}(-[A-Z]{2})?$');
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_reviewIntervalMonths_check" CHECK ("reviewIntervalMonths" IN (6, 12, 24, 36));
ALTER TABLE "GlossaryTerm" ADD CONSTRAINT "GlossaryTerm_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "GlossaryTerm_ownerId_idx" ON "GlossaryTerm"("ownerId");
CREATE TRIGGER "GlossaryTerm_owner_may_own" BEFORE INSERT OR UPDATE OF "ownerId" ON "GlossaryTerm"
  FOR EACH ROW EXECUTE FUNCTION granskad_item_owner_may_own();

-- A version belongs to exactly one article, risk list or glossary term.
ALTER TABLE "ContentVersion" ADD COLUMN "glossaryTermId" UUID;
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_glossaryTermId_fkey" FOREIGN KEY ("glossaryTermId") REFERENCES "GlossaryTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContentVersion" DROP CONSTRAINT "ContentVersion_one_owner_check";
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_one_owner_check" CHECK (num_nonnulls("articleId", "riskListId", "glossaryTermId") = 1);
CREATE UNIQUE INDEX "ContentVersion_glossaryTermId_number_key" ON "ContentVersion"("glossaryTermId", "number");
CREATE INDEX "ContentVersion_status_glossaryTermId_idx" ON "ContentVersion"("status", "glossaryTermId");
CREATE UNIQUE INDEX "ContentVersion_one_published_glossary_term_key" ON "ContentVersion"("glossaryTermId")
  WHERE "status" = 'PUBLISHED' AND "glossaryTermId" IS NOT NULL;
CREATE UNIQUE INDEX "ContentVersion_one_open_glossary_term_key" ON "ContentVersion"("glossaryTermId")
  WHERE "status" IN ('DRAFT', 'IN_REVIEW', 'APPROVED') AND "glossaryTermId" IS NOT NULL;

-- The content of a glossary version besides its title (the term).
CREATE TABLE "GlossaryEntry" (
    "versionId" UUID NOT NULL,
    "explanation" TEXT NOT NULL,
    "forms" TEXT[],

    CONSTRAINT "GlossaryEntry_pkey" PRIMARY KEY ("versionId")
);
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_explanation_check" CHECK (length(btrim("explanation")) > 0);

-- The owner of a version never changes once it leaves DRAFT, and neither does a glossary entry.
CREATE OR REPLACE FUNCTION granskad_freeze_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
       NEW."title" IS DISTINCT FROM OLD."title" OR NEW."summary" IS DISTINCT FROM OLD."summary"
    OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR NEW."articleId" IS DISTINCT FROM OLD."articleId"
    OR NEW."riskListId" IS DISTINCT FROM OLD."riskListId" OR NEW."glossaryTermId" IS DISTINCT FROM OLD."glossaryTermId"
    OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."createdById" IS DISTINCT FROM OLD."createdById" OR NEW."revision" IS DISTINCT FROM OLD."revision"
    OR NEW."savedById" IS DISTINCT FROM OLD."savedById"
    OR NEW."changeNote" IS DISTINCT FROM OLD."changeNote" OR NEW."readerNote" IS DISTINCT FROM OLD."readerNote") THEN
    RAISE EXCEPTION 'version % is % and its content is immutable', OLD."id", OLD."status" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."status" <> 'DRAFT' AND NEW."status" = 'DRAFT' THEN
    RAISE EXCEPTION 'version % cannot return to DRAFT; restore it as a new draft', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE FUNCTION granskad_freeze_glossary_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_version uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."versionId" ELSE NEW."versionId" END;
BEGIN
  IF NOT granskad_version_is_draft(row_version) THEN
    RAISE EXCEPTION '% of version % is immutable', TG_TABLE_NAME, row_version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "GlossaryEntry_freeze" BEFORE INSERT OR UPDATE OR DELETE ON "GlossaryEntry"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_glossary_entry();

-- Published glossary terms are searchable like the other items.
ALTER TABLE "SearchDocument" ADD COLUMN "glossaryTermId" UUID;
CREATE UNIQUE INDEX "SearchDocument_glossaryTermId_key" ON "SearchDocument"("glossaryTermId");
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_glossaryTermId_fkey" FOREIGN KEY ("glossaryTermId") REFERENCES "GlossaryTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchDocument" DROP CONSTRAINT "SearchDocument_one_item_check";
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_one_item_check" CHECK (num_nonnulls("articleId", "riskListId", "glossaryTermId") = 1);
