-- External fact-checkers (issue 11.2): a reviewer or admin invites an outside expert to one version in
-- review through a link pinned to that version and its content hash. Only the SHA-256 of the link's
-- 256-bit token is stored; the link itself is shown once to the inviter and e-mailed to the expert.
CREATE TABLE "ExternalReviewInvitation" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expertName" TEXT NOT NULL,
    "expertTitle" TEXT NOT NULL,
    "expertEmail" TEXT NOT NULL,
    "invitedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "emailSentAt" TIMESTAMPTZ(3),
    "lastViewedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExternalReviewInvitation_pkey" PRIMARY KEY ("id"),
    -- A SHA-256 in hex, never the token itself.
    CONSTRAINT "ExternalReviewInvitation_tokenHash_check" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "ExternalReviewInvitation_contentHash_check" CHECK ("contentHash" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "ExternalReviewInvitation_expiresAt_check" CHECK ("expiresAt" > "createdAt"),
    CONSTRAINT "ExternalReviewInvitation_revoked_check" CHECK (("revokedAt" IS NULL) = ("revokedById" IS NULL)),
    CONSTRAINT "ExternalReviewInvitation_expert_check" CHECK (length(btrim("expertName")) > 0 AND length(btrim("expertTitle")) > 0 AND "expertEmail" LIKE '%_@_%')
);

CREATE UNIQUE INDEX "ExternalReviewInvitation_tokenHash_key" ON "ExternalReviewInvitation"("tokenHash");
CREATE INDEX "ExternalReviewInvitation_versionId_idx" ON "ExternalReviewInvitation"("versionId");
ALTER TABLE "ExternalReviewInvitation" ADD CONSTRAINT "ExternalReviewInvitation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExternalReviewInvitation" ADD CONSTRAINT "ExternalReviewInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExternalReviewInvitation" ADD CONSTRAINT "ExternalReviewInvitation_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What an invitation is pinned to, who it is for and what its token is never change; it can be revoked
-- once (and never un-revoked), and its e-mail and view times are recorded.
CREATE FUNCTION "external_review_invitation_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'external review invitations are kept: revoke one instead';
  END IF;
  IF NEW."id" <> OLD."id" OR NEW."versionId" <> OLD."versionId" OR NEW."contentHash" <> OLD."contentHash"
     OR NEW."tokenHash" <> OLD."tokenHash" OR NEW."expertName" <> OLD."expertName" OR NEW."expertTitle" <> OLD."expertTitle"
     OR NEW."expertEmail" <> OLD."expertEmail" OR NEW."invitedById" <> OLD."invitedById" OR NEW."createdAt" <> OLD."createdAt"
     OR NEW."expiresAt" <> OLD."expiresAt" THEN
    RAISE EXCEPTION 'an external review invitation cannot change what it was issued for';
  END IF;
  IF OLD."revokedAt" IS NOT NULL AND (NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" OR NEW."revokedById" IS DISTINCT FROM OLD."revokedById") THEN
    RAISE EXCEPTION 'a revoked external review invitation stays revoked';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ExternalReviewInvitation_guard" BEFORE UPDATE OR DELETE ON "ExternalReviewInvitation"
  FOR EACH ROW EXECUTE FUNCTION "external_review_invitation_guard"();

-- A review comment is by a user or by an invited outside expert, never both, never neither.
ALTER TABLE "ReviewComment" ALTER COLUMN "authorId" DROP NOT NULL;
ALTER TABLE "ReviewComment" ADD COLUMN "externalInvitationId" UUID;
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_author_check" CHECK (num_nonnulls("authorId", "externalInvitationId") = 1);
CREATE INDEX "ReviewComment_externalInvitationId_idx" ON "ReviewComment"("externalInvitationId");
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_externalInvitationId_fkey" FOREIGN KEY ("externalInvitationId") REFERENCES "ExternalReviewInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An expert's comment is on the version their invitation is pinned to, while it is in review, before the
-- invitation expires and unless it was revoked: the database refuses anything else, whatever wrote it.
CREATE FUNCTION "review_comment_external_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  invitation "ExternalReviewInvitation"%ROWTYPE;
  version_status "VersionStatus";
  version_hash TEXT;
BEGIN
  IF NEW."externalInvitationId" IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO invitation FROM "ExternalReviewInvitation" WHERE "id" = NEW."externalInvitationId";
  SELECT "status", "contentHash" INTO version_status, version_hash FROM "ContentVersion" WHERE "id" = NEW."versionId";
  IF invitation."versionId" <> NEW."versionId" THEN
    RAISE EXCEPTION 'an external comment belongs to the version its invitation is for';
  END IF;
  IF invitation."revokedAt" IS NOT NULL OR invitation."expiresAt" <= now() THEN
    RAISE EXCEPTION 'the external review invitation is revoked or expired';
  END IF;
  IF version_status <> 'IN_REVIEW' OR version_hash IS DISTINCT FROM invitation."contentHash" THEN
    RAISE EXCEPTION 'the version is no longer the one in review that the invitation was for';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ReviewComment_external_guard" BEFORE INSERT OR UPDATE ON "ReviewComment"
  FOR EACH ROW EXECUTE FUNCTION "review_comment_external_guard"();
