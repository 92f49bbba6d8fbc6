-- Swedish full-text search over published content (README, "Search"). One search document per
-- published item, written and removed by the publish and unpublish operations in their own transaction
-- (lib/search/search-documents.ts), so a search can only ever find the text of a published version.

-- Trigram matching, so that a part of a compound ("injektion") finds the whole ("steroidinjektioner").
-- Trusted since PostgreSQL 13: the database owner may create it. PGlite loads it as a contrib extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "SearchDocument" (
    "versionId" UUID NOT NULL,
    "articleId" UUID,
    "riskListId" UUID,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    -- The full-text vector: title weighted A, summary B, body C, with the `swedish` configuration
    -- (stemming, stop words). Stored, so ranking a match does not parse the text again.
    "searchVector" TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish'::regconfig, "title"), 'A')
     || setweight(to_tsvector('swedish'::regconfig, coalesce("summary", '')), 'B')
     || setweight(to_tsvector('swedish'::regconfig, "body"), 'C')
    ) STORED,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("versionId")
);

-- One document per item, and it belongs to exactly one item (as ContentVersion does).
CREATE UNIQUE INDEX "SearchDocument_articleId_key" ON "SearchDocument"("articleId");
CREATE UNIQUE INDEX "SearchDocument_riskListId_key" ON "SearchDocument"("riskListId");
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_one_item_check" CHECK (num_nonnulls("articleId", "riskListId") = 1);

ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ContentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_riskListId_fkey" FOREIGN KEY ("riskListId") REFERENCES "RiskList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "SearchDocument_searchVector_idx" ON "SearchDocument" USING GIN ("searchVector");

-- Substring matching of word stems inside compounds (LIKE '%stem%'), answered by the trigram index;
-- lib/search/search-query.ts repeats this expression exactly so that the planner uses it.
CREATE INDEX "SearchDocument_trigram_idx" ON "SearchDocument" USING GIN ((
    lower("title" || ' ' || coalesce("summary", '') || ' ' || "body")
) gin_trgm_ops);
