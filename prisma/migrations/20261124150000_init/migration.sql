-- CreateEnum
CREATE TYPE "Role" AS ENUM ('EDITOR', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ArticleKind" AS ENUM ('OVERVIEW', 'PROCEDURE');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'UNPUBLISHED');

-- CreateEnum
CREATE TYPE "ReviewDecisionKind" AS ENUM ('APPROVE', 'REQUEST_CHANGES', 'REATTEST');

-- CreateEnum
CREATE TYPE "BlockType" AS ENUM ('HEADING', 'PARAGRAPH', 'BULLET_LIST', 'CALLOUT', 'PROCEDURE_FACTS', 'RISK_LIST', 'PROCEDURE', 'KEY_TAKEAWAYS', 'REFERENCES');

-- CreateEnum
CREATE TYPE "Medication" AS ENUM ('CORTICOSTEROID', 'LOCAL_ANAESTHETIC', 'BOTULINUM_TOXIN', 'NONE');

-- CreateEnum
CREATE TYPE "ImagingGuidance" AS ENUM ('CONTRAST_FLUOROSCOPY', 'ULTRASOUND', 'IMAGING_UNSPECIFIED', 'NONE');

-- CreateEnum
CREATE TYPE "RiskSeverity" AS ENUM ('MILD', 'MODERATE', 'SERIOUS');

-- CreateEnum
CREATE TYPE "RiskFrequency" AS ENUM ('COMMON', 'UNCOMMON', 'RARE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "WebhookEvent" AS ENUM ('PUBLISHED', 'UNPUBLISHED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "roles" "Role"[],
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionEpoch" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "kind" "ArticleKind" NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskList" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RiskList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" UUID NOT NULL,
    "articleId" UUID,
    "riskListId" UUID,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "contentHash" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "basedOnId" UUID,
    "supersedesId" UUID,
    "changeNote" TEXT,
    "readerNote" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewerId" UUID,
    "decision" "ReviewDecisionKind",
    "decidedAt" TIMESTAMPTZ(3),
    "approvedContentHash" TEXT,
    "lastReviewedAt" TIMESTAMPTZ(3),
    "nextReviewDue" DATE,
    "scheduledPublishAt" TIMESTAMPTZ(3),
    "scheduledUnpublishAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "unpublishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionAuthor" (
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionAuthor_pkey" PRIMARY KEY ("versionId","userId")
);

-- CreateTable
CREATE TABLE "ArticleBlock" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "BlockType" NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "riskListId" UUID,
    "procedureArticleId" UUID,

    CONSTRAINT "ArticleBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureFacts" (
    "id" UUID NOT NULL,
    "blockId" UUID NOT NULL,
    "medications" "Medication"[],
    "medicationNote" TEXT,
    "imaging" "ImagingGuidance"[],
    "imagingNote" TEXT,
    "indications" TEXT[],
    "reliefDuration" TEXT,
    "precautions" TEXT[],
    "contraindications" TEXT[],

    CONSTRAINT "ProcedureFacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskGroup" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT,
    "key" UUID NOT NULL,

    CONSTRAINT "RiskGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskItem" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "severity" "RiskSeverity" NOT NULL,
    "frequency" "RiskFrequency" NOT NULL,
    "temporary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RiskItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "blockKey" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "kind" "ReviewDecisionKind" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "reviewerTitle" TEXT NOT NULL,
    "reviewerSpecialty" TEXT NOT NULL,
    "nextReviewDue" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "voterKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicComment" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "versionId" UUID,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'PENDING',
    "moderatedById" UUID,
    "moderatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" "WebhookEvent"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Article_kind_locale_idx" ON "Article"("kind", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_locale_key" ON "Article"("slug", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "RiskList_slug_locale_key" ON "RiskList"("slug", "locale");

-- CreateIndex
CREATE UNIQUE INDEX "ContentVersion_supersedesId_key" ON "ContentVersion"("supersedesId");

-- CreateIndex
CREATE INDEX "ContentVersion_status_articleId_idx" ON "ContentVersion"("status", "articleId");

-- CreateIndex
CREATE INDEX "ContentVersion_status_riskListId_idx" ON "ContentVersion"("status", "riskListId");

-- CreateIndex
CREATE INDEX "ContentVersion_nextReviewDue_idx" ON "ContentVersion"("nextReviewDue");

-- CreateIndex
CREATE UNIQUE INDEX "ContentVersion_articleId_number_key" ON "ContentVersion"("articleId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ContentVersion_riskListId_number_key" ON "ContentVersion"("riskListId", "number");

-- CreateIndex
CREATE INDEX "VersionAuthor_userId_idx" ON "VersionAuthor"("userId");

-- CreateIndex
CREATE INDEX "ArticleBlock_riskListId_idx" ON "ArticleBlock"("riskListId");

-- CreateIndex
CREATE INDEX "ArticleBlock_procedureArticleId_idx" ON "ArticleBlock"("procedureArticleId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleBlock_versionId_position_key" ON "ArticleBlock"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleBlock_versionId_key_key" ON "ArticleBlock"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureFacts_blockId_key" ON "ProcedureFacts"("blockId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskGroup_versionId_position_key" ON "RiskGroup"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RiskGroup_versionId_key_key" ON "RiskGroup"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "RiskItem_groupId_position_key" ON "RiskItem"("groupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RiskItem_groupId_key_key" ON "RiskItem"("groupId", "key");

-- CreateIndex
CREATE INDEX "ReviewComment_versionId_idx" ON "ReviewComment"("versionId");

-- CreateIndex
CREATE INDEX "ReviewDecision_versionId_createdAt_idx" ON "ReviewDecision"("versionId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "Feedback_versionId_idx" ON "Feedback"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_articleId_voterKey_key" ON "Feedback"("articleId", "voterKey");

-- CreateIndex
CREATE INDEX "PublicComment_articleId_status_createdAt_idx" ON "PublicComment"("articleId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_idempotencyKey_key" ON "WebhookDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_idx" ON "WebhookDelivery"("status");

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_riskListId_fkey" FOREIGN KEY ("riskListId") REFERENCES "RiskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContentVersion" ADD CONSTRAINT "ContentVersion_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionAuthor" ADD CONSTRAINT "VersionAuthor_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionAuthor" ADD CONSTRAINT "VersionAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_riskListId_fkey" FOREIGN KEY ("riskListId") REFERENCES "RiskList"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleBlock" ADD CONSTRAINT "ArticleBlock_procedureArticleId_fkey" FOREIGN KEY ("procedureArticleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureFacts" ADD CONSTRAINT "ProcedureFacts_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "ArticleBlock"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskGroup" ADD CONSTRAINT "RiskGroup_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskItem" ADD CONSTRAINT "RiskItem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "RiskGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicComment" ADD CONSTRAINT "PublicComment_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

