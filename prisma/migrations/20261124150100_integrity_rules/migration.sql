-- Rules the database enforces itself, beyond what schema.prisma can express. The application checks
-- the same rules first (lib/workflow) so users get a clear message; these are the last line of defence.

-- A version belongs to exactly one article or one risk list.
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_one_owner_check"
  CHECK (("articleId" IS NULL) <> ("riskListId" IS NULL));
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_number_check" CHECK ("number" > 0);
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_revision_check" CHECK ("revision" >= 0);

-- Everything past DRAFT is a frozen snapshot with a content hash.
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_frozen_hash_check"
  CHECK ("status" = 'DRAFT' OR ("contentHash" IS NOT NULL AND "submittedAt" IS NOT NULL));

-- Changes requested: someone decided so.
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_changes_requested_check"
  CHECK ("status" <> 'CHANGES_REQUESTED' OR ("decision" = 'REQUEST_CHANGES' AND "reviewerId" IS NOT NULL AND "decidedAt" IS NOT NULL));

-- Approved and everything after it: an approval by someone other than the creator, bound to the exact
-- content hash, with review dates. (Co-authors are checked by the four-eyes trigger below.)
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_approval_check"
  CHECK ("status" NOT IN ('APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED') OR (
    "reviewerId" IS NOT NULL
    AND "reviewerId" <> "createdById"
    AND "decision" IN ('APPROVE', 'REATTEST')
    AND "decidedAt" IS NOT NULL
    AND "approvedContentHash" = "contentHash"
    AND "lastReviewedAt" IS NOT NULL
    AND "nextReviewDue" IS NOT NULL));

ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_published_at_check"
  CHECK ("status" NOT IN ('PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED') OR "publishedAt" IS NOT NULL);
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_unpublished_at_check"
  CHECK ("status" <> 'UNPUBLISHED' OR "unpublishedAt" IS NOT NULL);

-- At most one published version, and one version in progress (draft, in review or approved), per item.
CREATE UNIQUE INDEX "ContentVersion_one_published_article_key" ON "ContentVersion"("articleId")
  WHERE "status" = 'PUBLISHED' AND "articleId" IS NOT NULL;
CREATE UNIQUE INDEX "ContentVersion_one_published_risk_list_key" ON "ContentVersion"("riskListId")
  WHERE "status" = 'PUBLISHED' AND "riskListId" IS NOT NULL;
CREATE UNIQUE INDEX "ContentVersion_one_open_article_key" ON "ContentVersion"("articleId")
  WHERE "status" IN ('DRAFT', 'IN_REVIEW', 'APPROVED') AND "articleId" IS NOT NULL;
CREATE UNIQUE INDEX "ContentVersion_one_open_risk_list_key" ON "ContentVersion"("riskListId")
  WHERE "status" IN ('DRAFT', 'IN_REVIEW', 'APPROVED') AND "riskListId" IS NOT NULL;

-- Slugs and locales are URL-safe and normalised; e-mail addresses are stored lower-case.
ALTER TABLE "Article" ADD CONSTRAINT "Article_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "Article" ADD CONSTRAINT "Article_locale_check" CHECK ("locale" ~ '^[a-z]{2}(-[A-Z]{2})?$');
ALTER TABLE "RiskList" ADD CONSTRAINT "RiskList_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "RiskList" ADD CONSTRAINT "RiskList_locale_check" CHECK ("locale" ~ '^[a-z]{2}(-[A-Z]{2})?$');
ALTER TABLE "User" ADD CONSTRAINT "User_email_check" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%');

-- A block references a risk list exactly when it is a RISK_LIST block, an article exactly when PROCEDURE.
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_risk_list_ref_check"
  CHECK (("type" = 'RISK_LIST') = ("riskListId" IS NOT NULL));
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_procedure_ref_check"
  CHECK (("type" = 'PROCEDURE') = ("procedureArticleId" IS NOT NULL));
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_position_check" CHECK ("position" >= 0);
ALTER TABLE "RiskGroup" ADD CONSTRAINT "RiskGroup_position_check" CHECK ("position" >= 0);
ALTER TABLE "RiskItem" ADD CONSTRAINT "RiskItem_position_check" CHECK ("position" >= 0);
ALTER TABLE "RiskItem" ADD CONSTRAINT "RiskItem_text_check" CHECK (length(btrim("text")) > 0);

-- Public comments: bounded sizes, whatever the application does.
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_length_check" CHECK (
  char_length("name") BETWEEN 1 AND 100 AND char_length("email") BETWEEN 3 AND 254 AND char_length("body") BETWEEN 1 AND 5000);
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_attempts_check" CHECK ("attempts" >= 0);
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_url_check" CHECK ("url" ~ '^https?://');

-- Public read paths: the published version of an item, and article blocks in order.
CREATE INDEX "ContentVersion_published_at_idx" ON "ContentVersion"("publishedAt") WHERE "status" = 'PUBLISHED';

-- Append-only tables: the audit trail and the log of review decisions.
CREATE FUNCTION granskad_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION granskad_reject_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_change();
CREATE TRIGGER "ReviewDecision_append_only" BEFORE UPDATE OR DELETE ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION granskad_reject_change();

-- Frozen snapshots: once a version leaves DRAFT its content and owner never change again.
CREATE FUNCTION granskad_freeze_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
       NEW."title" IS DISTINCT FROM OLD."title" OR NEW."summary" IS DISTINCT FROM OLD."summary"
    OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR NEW."articleId" IS DISTINCT FROM OLD."articleId"
    OR NEW."riskListId" IS DISTINCT FROM OLD."riskListId" OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."createdById" IS DISTINCT FROM OLD."createdById" OR NEW."revision" IS DISTINCT FROM OLD."revision"
    OR NEW."changeNote" IS DISTINCT FROM OLD."changeNote" OR NEW."readerNote" IS DISTINCT FROM OLD."readerNote") THEN
    RAISE EXCEPTION 'version % is % and its content is immutable', OLD."id", OLD."status" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."status" <> 'DRAFT' AND NEW."status" = 'DRAFT' THEN
    RAISE EXCEPTION 'version % cannot return to DRAFT; restore it as a new draft', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContentVersion_freeze" BEFORE UPDATE ON "ContentVersion"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_version();
CREATE TRIGGER "ContentVersion_no_delete" BEFORE DELETE ON "ContentVersion"
  FOR EACH ROW WHEN (OLD."status" <> 'DRAFT') EXECUTE FUNCTION granskad_reject_change();

CREATE FUNCTION granskad_version_is_draft(version_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT "status" = 'DRAFT' FROM "ContentVersion" WHERE "id" = version_id), true);
$$;

CREATE FUNCTION granskad_freeze_version_content() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_version uuid;
BEGIN
  IF TG_TABLE_NAME IN ('ArticleBlock', 'RiskGroup') THEN
    row_version := CASE WHEN TG_OP = 'DELETE' THEN OLD."versionId" ELSE NEW."versionId" END;
  ELSIF TG_TABLE_NAME = 'ProcedureFacts' THEN
    SELECT "versionId" INTO row_version FROM "ArticleBlock"
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."blockId" ELSE NEW."blockId" END;
  ELSE
    SELECT "versionId" INTO row_version FROM "RiskGroup"
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."groupId" ELSE NEW."groupId" END;
  END IF;
  IF NOT granskad_version_is_draft(row_version) THEN
    RAISE EXCEPTION '% of version % is immutable', TG_TABLE_NAME, row_version USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER "ArticleBlock_freeze" BEFORE INSERT OR UPDATE OR DELETE ON "ArticleBlock"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_version_content();
CREATE TRIGGER "ProcedureFacts_freeze" BEFORE INSERT OR UPDATE OR DELETE ON "ProcedureFacts"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_version_content();
CREATE TRIGGER "RiskGroup_freeze" BEFORE INSERT OR UPDATE OR DELETE ON "RiskGroup"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_version_content();
CREATE TRIGGER "RiskItem_freeze" BEFORE INSERT OR UPDATE OR DELETE ON "RiskItem"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_version_content();

-- Four-eyes: nobody who wrote or edited a version may approve or re-attest it.
CREATE FUNCTION granskad_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  approver uuid;
  version_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'ReviewDecision' THEN
    IF NEW."kind" = 'REQUEST_CHANGES' THEN RETURN NEW; END IF;
    approver := NEW."reviewerId";
    version_id := NEW."versionId";
  ELSE
    IF NEW."status" NOT IN ('APPROVED', 'PUBLISHED') OR NEW."reviewerId" IS NULL THEN RETURN NEW; END IF;
    approver := NEW."reviewerId";
    version_id := NEW."id";
  END IF;
  IF EXISTS (SELECT 1 FROM "VersionAuthor" WHERE "versionId" = version_id AND "userId" = approver)
     OR EXISTS (SELECT 1 FROM "ContentVersion" WHERE "id" = version_id AND "createdById" = approver) THEN
    RAISE EXCEPTION 'four-eyes: user % authored version % and cannot approve it', approver, version_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContentVersion_four_eyes" BEFORE INSERT OR UPDATE OF "status", "reviewerId" ON "ContentVersion"
  FOR EACH ROW EXECUTE FUNCTION granskad_four_eyes();
CREATE TRIGGER "ReviewDecision_four_eyes" BEFORE INSERT ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION granskad_four_eyes();

-- Nobody becomes an author of a version that is no longer a draft.
CREATE FUNCTION granskad_author_only_drafts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT granskad_version_is_draft(NEW."versionId") THEN
    RAISE EXCEPTION 'version % is frozen; no new authors', NEW."versionId" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "VersionAuthor_only_drafts" BEFORE INSERT ON "VersionAuthor"
  FOR EACH ROW EXECUTE FUNCTION granskad_author_only_drafts();
