-- Closes the paths around the integrity rules of 20261124150100_integrity_rules, for every statement
-- the database runs, not only the ones the application sends:
--   * authorship of a version that is no longer a draft cannot be added, changed or removed, and nobody
--     is ever removed from (or moved between) a version's authors while the version exists;
--   * content rows cannot be moved into or out of a frozen version (the old and the new parent count);
--   * a version that was approved stays approved, its approval is the latest decision in the
--     append-only ReviewDecision log (checked at commit), and only a recorded re-attestation of the
--     published version may change who reviewed it and when;
--   * TRUNCATE, which no row trigger sees, is refused on every table that holds reviewed content or its
--     record.

-- Authors: INSERT only into drafts; UPDATE never changes who or which version, and never touches a
-- frozen version's authors; DELETE only when the version itself is being deleted (a draft, by cascade).
CREATE OR REPLACE FUNCTION granskad_author_only_drafts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT granskad_version_is_draft(NEW."versionId") THEN
      RAISE EXCEPTION 'version % is frozen; no new authors', NEW."versionId" USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW."versionId" IS DISTINCT FROM OLD."versionId" OR NEW."userId" IS DISTINCT FROM OLD."userId" THEN
      RAISE EXCEPTION 'authorship of version % cannot be reassigned', OLD."versionId" USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NOT granskad_version_is_draft(OLD."versionId") THEN
      RAISE EXCEPTION 'version % is frozen; its authors cannot change', OLD."versionId" USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "ContentVersion" WHERE "id" = OLD."versionId") THEN
    RAISE EXCEPTION 'an author of version % cannot be removed (four-eyes)', OLD."versionId" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
DROP TRIGGER "VersionAuthor_only_drafts" ON "VersionAuthor";
CREATE TRIGGER "VersionAuthor_only_drafts" BEFORE INSERT OR UPDATE OR DELETE ON "VersionAuthor"
  FOR EACH ROW EXECUTE FUNCTION granskad_author_only_drafts();

-- Content rows: every version a row belongs to before and after the statement must be a draft. The
-- triggers themselves ("ArticleBlock_freeze" and the others) stay; only the function changes.
CREATE OR REPLACE FUNCTION granskad_freeze_version_content() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[] := ARRAY[]::uuid[];
  frozen uuid;
BEGIN
  IF TG_TABLE_NAME IN ('ArticleBlock', 'RiskGroup') THEN
    IF TG_OP <> 'INSERT' THEN touched := touched || OLD."versionId"; END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || NEW."versionId"; END IF;
  ELSIF TG_TABLE_NAME = 'ProcedureFacts' THEN
    IF TG_OP <> 'INSERT' THEN touched := touched || (SELECT "versionId" FROM "ArticleBlock" WHERE "id" = OLD."blockId"); END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || (SELECT "versionId" FROM "ArticleBlock" WHERE "id" = NEW."blockId"); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN touched := touched || (SELECT "versionId" FROM "RiskGroup" WHERE "id" = OLD."groupId"); END IF;
    IF TG_OP <> 'DELETE' THEN touched := touched || (SELECT "versionId" FROM "RiskGroup" WHERE "id" = NEW."groupId"); END IF;
  END IF;
  SELECT version_id INTO frozen FROM unnest(touched) AS version_id WHERE NOT granskad_version_is_draft(version_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '% of version % is immutable', TG_TABLE_NAME, frozen USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- Approval: once approved, a version stays in an approved state, its approved hash never changes, and
-- its reviewer, decision and review dates change only when the published version is re-attested.
CREATE FUNCTION granskad_freeze_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" NOT IN ('APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED') THEN
    RETURN NEW;
  END IF;
  IF NEW."status" NOT IN ('APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED') THEN
    RAISE EXCEPTION 'version % was approved and cannot return to %', OLD."id", NEW."status" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."approvedContentHash" IS DISTINCT FROM OLD."approvedContentHash" THEN
    RAISE EXCEPTION 'the approval of version % is bound to its content hash and cannot change', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (NEW."reviewerId", NEW."decision", NEW."decidedAt", NEW."lastReviewedAt", NEW."nextReviewDue")
       IS DISTINCT FROM (OLD."reviewerId", OLD."decision", OLD."decidedAt", OLD."lastReviewedAt", OLD."nextReviewDue")
     AND NOT (OLD."status" = 'PUBLISHED' AND NEW."status" = 'PUBLISHED' AND NEW."decision" = 'REATTEST') THEN
    RAISE EXCEPTION 'the approval of version % cannot change except by re-attesting it while published', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContentVersion_freeze_approval" BEFORE UPDATE ON "ContentVersion"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_approval();

-- A decided version's reviewer and decision are those of its latest recorded ReviewDecision for the
-- same content hash. Deferred to commit, because the application writes the version and its decision
-- as two statements of one transaction (in either order).
CREATE FUNCTION granskad_decision_is_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_version "ContentVersion"%ROWTYPE;
BEGIN
  -- The row as it is at commit: a later statement of the transaction may have changed it again.
  SELECT * INTO current_version FROM "ContentVersion" WHERE "id" = NEW."id";
  IF NOT FOUND OR current_version."status" NOT IN ('CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED') THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "ReviewDecision" d
    WHERE d."versionId" = current_version."id"
      AND d."reviewerId" = current_version."reviewerId"
      AND d."kind" = current_version."decision"
      AND d."contentHash" = current_version."contentHash"
      AND d."createdAt" = (SELECT max(latest."createdAt") FROM "ReviewDecision" latest WHERE latest."versionId" = current_version."id")
  ) THEN
    RAISE EXCEPTION 'version % is % without a matching review decision on record', current_version."id", current_version."status"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "ContentVersion_decision_recorded"
  AFTER INSERT OR UPDATE OF "status", "reviewerId", "decision", "contentHash" ON "ContentVersion"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."status" IN ('CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED'))
  EXECUTE FUNCTION granskad_decision_is_recorded();

-- A review decision is about the content the version holds.
CREATE FUNCTION granskad_decision_matches_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "ContentVersion" WHERE "id" = NEW."versionId" AND "contentHash" = NEW."contentHash") THEN
    RAISE EXCEPTION 'a review decision must name the content hash of version %', NEW."versionId" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReviewDecision_matches_version" BEFORE INSERT ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION granskad_decision_matches_version();

-- TRUNCATE bypasses row triggers (and TRUNCATE … CASCADE reaches the tables that reference the one named).
CREATE FUNCTION granskad_reject_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TRUNCATE of % refused: it holds reviewed content or its record', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ReviewDecision_no_truncate" BEFORE TRUNCATE ON "ReviewDecision" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "ContentVersion_no_truncate" BEFORE TRUNCATE ON "ContentVersion" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "VersionAuthor_no_truncate" BEFORE TRUNCATE ON "VersionAuthor" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "ArticleBlock_no_truncate" BEFORE TRUNCATE ON "ArticleBlock" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "ProcedureFacts_no_truncate" BEFORE TRUNCATE ON "ProcedureFacts" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "RiskGroup_no_truncate" BEFORE TRUNCATE ON "RiskGroup" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
CREATE TRIGGER "RiskItem_no_truncate" BEFORE TRUNCATE ON "RiskItem" FOR EACH STATEMENT EXECUTE FUNCTION granskad_reject_truncate();
