-- Clinical or editorial change (issue 11.4). Every version says whether it changes clinical content,
-- decided by construction when it is submitted (lib/content/change-kind.ts: procedure facts, risk items,
-- contraindications, which risk list or procedure an article shows, or a first version); a clinical
-- version is approved or re-attested only by a reviewer who is a clinician.

CREATE TYPE "ChangeKind" AS ENUM ('CLINICAL', 'EDITORIAL');

-- A draft holds the safe value until it is submitted, when submit writes the computed one. Versions that
-- existed before this migration were never classified, so they stay clinical (the safe reading).
ALTER TABLE "ContentVersion" ADD COLUMN "changeKind" "ChangeKind" NOT NULL DEFAULT 'CLINICAL';
-- The editor may mark an otherwise editorial change as clinical (never the reverse).
ALTER TABLE "ContentVersion" ADD COLUMN "clinicalMarkedByEditor" BOOLEAN NOT NULL DEFAULT false;
-- The published version the submit compared with (null: nothing was published, a first version).
ALTER TABLE "ContentVersion" ADD COLUMN "changeKindBaseId" UUID;
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_changeKindBaseId_fkey"
  FOREIGN KEY ("changeKindBaseId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_marked_clinical_check"
  CHECK (NOT "clinicalMarkedByEditor" OR "changeKind" = 'CLINICAL');

-- Only admins set it (audited). Existing reviewers were approving clinical content already: they are
-- backfilled as clinicians, so an upgrade refuses nobody who could approve before; admins can revoke it.
ALTER TABLE "User" ADD COLUMN "clinician" BOOLEAN NOT NULL DEFAULT false;
UPDATE "User" SET "clinician" = true WHERE 'REVIEWER' = ANY("roles");
-- The seed's reviewer (a system account without roles) approved the seed content.
UPDATE "User" SET "clinician" = true WHERE "email" = 'seed-granskare@granskad.local';

-- A submitted version's classification is as frozen as its content.
CREATE FUNCTION granskad_freeze_change_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" <> 'DRAFT' AND (
       NEW."changeKind" IS DISTINCT FROM OLD."changeKind"
    OR NEW."clinicalMarkedByEditor" IS DISTINCT FROM OLD."clinicalMarkedByEditor"
    OR NEW."changeKindBaseId" IS DISTINCT FROM OLD."changeKindBaseId") THEN
    RAISE EXCEPTION 'version % is % and whether it is a clinical change is fixed', OLD."id", OLD."status"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ContentVersion_freeze_change_kind" BEFORE UPDATE ON "ContentVersion"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_change_kind();

-- Clinical review: an approval or re-attestation of a clinical version by a reviewer who is not a
-- clinician is refused, like four-eyes, when the decision is recorded (every approval and re-attestation
-- records one, and the version's decided state must match its latest decision).
CREATE FUNCTION granskad_clinical_review() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'REQUEST_CHANGES' THEN RETURN NEW; END IF;
  IF EXISTS (SELECT 1 FROM "ContentVersion" WHERE "id" = NEW."versionId" AND "changeKind" = 'CLINICAL')
     AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = NEW."reviewerId" AND "clinician") THEN
    RAISE EXCEPTION 'clinical review: version % changes clinical content and reviewer % is not a clinician', NEW."versionId", NEW."reviewerId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReviewDecision_clinical_review" BEFORE INSERT ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION granskad_clinical_review();

-- The dashboard's "Påverkade artiklar": clinical risk-list versions by the time they were published.
CREATE INDEX "ContentVersion_clinical_published_idx" ON "ContentVersion" ("riskListId", "publishedAt") WHERE "changeKind" = 'CLINICAL';
