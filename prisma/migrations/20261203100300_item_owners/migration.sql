-- Owners (issue 11.5): every article and risk list has a responsible owner, a user who answers for it and
-- is told first when its review falls due (lib/workflow/item-owner.ts; README, "Owners").
ALTER TABLE "Article" ADD COLUMN "ownerId" UUID;
ALTER TABLE "RiskList" ADD COLUMN "ownerId" UUID;

-- Items that existed before this migration: the owner is whoever created the item's first version (its
-- creator); an item without versions (none are made so) falls back to the first admin, then to the oldest
-- user. An owner who may not own (deactivated, no editorial role: the seed's import account) is kept as is:
-- the admin's dashboard lists such items under "Utan ansvarig" until someone is made responsible.
UPDATE "Article" a SET "ownerId" = COALESCE(
  (SELECT v."createdById" FROM "ContentVersion" v WHERE v."articleId" = a."id" ORDER BY v."number" ASC LIMIT 1),
  (SELECT u."id" FROM "User" u WHERE 'ADMIN' = ANY(u."roles") ORDER BY u."createdAt" ASC, u."id" ASC LIMIT 1),
  (SELECT u."id" FROM "User" u ORDER BY u."createdAt" ASC, u."id" ASC LIMIT 1));
UPDATE "RiskList" r SET "ownerId" = COALESCE(
  (SELECT v."createdById" FROM "ContentVersion" v WHERE v."riskListId" = r."id" ORDER BY v."number" ASC LIMIT 1),
  (SELECT u."id" FROM "User" u WHERE 'ADMIN' = ANY(u."roles") ORDER BY u."createdAt" ASC, u."id" ASC LIMIT 1),
  (SELECT u."id" FROM "User" u ORDER BY u."createdAt" ASC, u."id" ASC LIMIT 1));

ALTER TABLE "Article" ALTER COLUMN "ownerId" SET NOT NULL;
ALTER TABLE "RiskList" ALTER COLUMN "ownerId" SET NOT NULL;
ALTER TABLE "Article" ADD CONSTRAINT "Article_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RiskList" ADD CONSTRAINT "RiskList_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Article_ownerId_idx" ON "Article"("ownerId");
CREATE INDEX "RiskList_ownerId_idx" ON "RiskList"("ownerId");

-- Handing an item over: the new owner must be an active user with an editorial role (editor or reviewer),
-- as lib/workflow/item-owner.ts checks first. A new item's owner must be active (the seed's items belong
-- to its import account, which has no roles; an item the app creates is checked for the role too).
CREATE FUNCTION granskad_item_owner_may_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."ownerId" IS NOT DISTINCT FROM OLD."ownerId" THEN RETURN NEW; END IF;
  -- No owner at all: the NOT NULL constraint says so.
  IF NEW."ownerId" IS NULL THEN RETURN NEW; END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "User" u
     WHERE u."id" = NEW."ownerId" AND u."active"
       AND (TG_OP = 'INSERT' OR u."roles" && ARRAY['EDITOR', 'REVIEWER']::"Role"[])
  ) THEN
    RAISE EXCEPTION '%: user % may not own it (an owner is an active editor or reviewer)', TG_TABLE_NAME, NEW."ownerId" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Article_owner_may_own" BEFORE INSERT OR UPDATE OF "ownerId" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION granskad_item_owner_may_own();
CREATE TRIGGER "RiskList_owner_may_own" BEFORE INSERT OR UPDATE OF "ownerId" ON "RiskList"
  FOR EACH ROW EXECUTE FUNCTION granskad_item_owner_may_own();
