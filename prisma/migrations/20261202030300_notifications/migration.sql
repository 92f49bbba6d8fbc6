-- Notifications (issue 11.1): an in-app entry per person and event, which is also sent as an e-mail
-- (at once, in a daily digest, or not at all, as the person prefers for that kind).
CREATE TYPE "NotificationKind" AS ENUM ('REVIEW_REQUESTED', 'CHANGES_REQUESTED', 'APPROVED', 'PUBLISHED', 'UNPUBLISHED', 'REVIEW_COMMENT', 'REVIEW_DUE_SOON', 'REVIEW_OVERDUE', 'REVIEW_ESCALATED', 'SCHEDULE_LATE');
CREATE TYPE "NotificationDelivery" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST', 'OFF');
CREATE TYPE "NotificationEmailStatus" AS ENUM ('QUEUED', 'DIGEST', 'SENT', 'OFF');

CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "eventKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "linkPath" TEXT NOT NULL,
    "emailStatus" "NotificationEmailStatus" NOT NULL,
    "emailSentAt" TIMESTAMPTZ(3),
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id"),
    -- Relative admin paths only: the absolute URL is built from the configured public base URL when sent.
    CONSTRAINT "Notification_linkPath_check" CHECK ("linkPath" LIKE '/admin%')
);

-- One notification (and so one e-mail) per event per person, whichever process or retry gets there first.
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");
CREATE INDEX "Notification_emailStatus_idx" ON "Notification"("emailStatus");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "delivery" "NotificationDelivery" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId", "kind"),
    -- An escalation of an overdue review reaches the admins whatever they prefer.
    CONSTRAINT "NotificationPreference_escalation_check" CHECK ("kind" <> 'REVIEW_ESCALATED' OR "delivery" <> 'OFF')
);
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
