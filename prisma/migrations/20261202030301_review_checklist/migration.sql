-- Re-attestation is a whole-page review (issue 11.3): an approval or re-attestation records the checklist
-- the reviewer confirmed and the review interval they chose; each item keeps its review cycle.
ALTER TABLE "ReviewDecision" ADD COLUMN "checklist" JSONB;
ALTER TABLE "ReviewDecision" ADD COLUMN "reviewIntervalMonths" INTEGER;
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_reviewIntervalMonths_check" CHECK ("reviewIntervalMonths" IS NULL OR "reviewIntervalMonths" IN (6, 12, 24, 36));

ALTER TABLE "Article" ADD COLUMN "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "Article" ADD CONSTRAINT "Article_reviewIntervalMonths_check" CHECK ("reviewIntervalMonths" IN (6, 12, 24, 36));
ALTER TABLE "RiskList" ADD COLUMN "reviewIntervalMonths" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "RiskList" ADD CONSTRAINT "RiskList_reviewIntervalMonths_check" CHECK ("reviewIntervalMonths" IN (6, 12, 24, 36));
