-- Four-eyes across accounts (issue 8.7): who created each account and who last granted it the reviewer
-- role, so that an approval through an account that the version's author made (and whose password they
-- set) or promoted is refused, by the application (lib/workflow/version-workflow.ts) and here.
ALTER TABLE "User" ADD COLUMN "createdById" UUID;
ALTER TABLE "User" ADD COLUMN "reviewerGrantedById" UUID;
ALTER TABLE "User" ADD COLUMN "reviewerGrantedAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD CONSTRAINT "User_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_reviewerGrantedById_fkey" FOREIGN KEY ("reviewerGrantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Accounts that existed before this migration: their provenance as the audit trail recorded it.
UPDATE "User" u SET "createdById" = a."actorId"
  FROM "AuditEvent" a
 WHERE a."action" = 'user.created' AND a."entityType" = 'user' AND a."entityId" = u."id"::text AND a."actorId" IS NOT NULL;
UPDATE "User" u SET "reviewerGrantedById" = g."actorId", "reviewerGrantedAt" = g."at"
  FROM (
    SELECT DISTINCT ON (a."entityId") a."entityId", a."actorId", a."at"
      FROM "AuditEvent" a
     WHERE a."entityType" = 'user' AND a."actorId" IS NOT NULL AND (
           (a."action" = 'user.created' AND a."data"->'roles' ? 'REVIEWER')
        OR (a."action" = 'user.roles_changed' AND a."data"->'after' ? 'REVIEWER' AND NOT a."data"->'before' ? 'REVIEWER'))
     ORDER BY a."entityId", a."at" DESC, a."id" DESC
  ) g
 WHERE g."entityId" = u."id"::text AND 'REVIEWER' = ANY(u."roles");

-- Who created an account never changes.
CREATE FUNCTION granskad_freeze_user_creator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."createdById" IS DISTINCT FROM OLD."createdById" THEN
    RAISE EXCEPTION 'user %: who created the account cannot change', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "User_creator_frozen" BEFORE UPDATE OF "createdById" ON "User"
  FOR EACH ROW EXECUTE FUNCTION granskad_freeze_user_creator();

-- The accounts that had a hand in `account`: whoever created it or last granted it the reviewer role, and,
-- since whoever creates an account sets its first password, whoever created each of those, up the chain.
CREATE FUNCTION granskad_account_controllers(account uuid) RETURNS TABLE (id uuid) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE controller(id) AS (
    SELECT x FROM "User" u CROSS JOIN LATERAL unnest(ARRAY[u."createdById", u."reviewerGrantedById"]) AS x
     WHERE u."id" = account AND x IS NOT NULL
    UNION
    SELECT p."createdById" FROM "User" p JOIN controller c ON p."id" = c.id WHERE p."createdById" IS NOT NULL
  )
  SELECT id FROM controller;
$$;

-- Four-eyes, extended: a review decision that approves or re-attests is refused when an author (or the
-- creator) of the version had a hand in the reviewer's account. Checked when the decision is recorded,
-- which every approval and re-attestation does (and the version's decided state must match its latest
-- decision, see 20261201220000_tamper_proof_history).
CREATE FUNCTION granskad_four_eyes_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'REQUEST_CHANGES' THEN RETURN NEW; END IF;
  IF EXISTS (
    SELECT 1 FROM granskad_account_controllers(NEW."reviewerId") c
     WHERE c.id IN (SELECT "userId" FROM "VersionAuthor" WHERE "versionId" = NEW."versionId"
                    UNION SELECT "createdById" FROM "ContentVersion" WHERE "id" = NEW."versionId")
  ) THEN
    RAISE EXCEPTION 'four-eyes: an author of version % created or promoted the account of reviewer %', NEW."versionId", NEW."reviewerId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReviewDecision_four_eyes_accounts" BEFORE INSERT ON "ReviewDecision"
  FOR EACH ROW EXECUTE FUNCTION granskad_four_eyes_accounts();
