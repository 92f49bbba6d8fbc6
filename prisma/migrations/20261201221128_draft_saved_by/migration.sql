-- Who saved a draft's current revision, so that an editor whose save was refused as stale is told who
-- saved in between (the conflict screen). Null until the first save of a version.
ALTER TABLE "ContentVersion" ADD COLUMN "savedById" UUID;
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Like the rest of a frozen version, the last saver no longer changes once the version leaves DRAFT.
CREATE OR REPLACE FUNCTION granskad_freeze_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
       NEW."title" IS DISTINCT FROM OLD."title" OR NEW."summary" IS DISTINCT FROM OLD."summary"
    OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR NEW."articleId" IS DISTINCT FROM OLD."articleId"
    OR NEW."riskListId" IS DISTINCT FROM OLD."riskListId" OR NEW."number" IS DISTINCT FROM OLD."number"
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
