-- CreateTable
CREATE TABLE "SourceText" (
    "sourceId" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceText_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IntakeSuggestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "extractor" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "recordType" TEXT,
    "recordId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IntakeSuggestion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IntakeSuggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceText_sha256_key" ON "SourceText"("sha256");

-- CreateIndex
CREATE INDEX "IntakeSuggestion_sourceId_state_quoteStart_idx" ON "IntakeSuggestion"("sourceId", "state", "quoteStart");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeSuggestion_sourceId_key_key" ON "IntakeSuggestion"("sourceId", "key");

-- A source's text is never rewritten: its suggestions and citations quote it by offsets. A
-- suggestion's reading never changes either, and a decision once made stays made (only the link to
-- the account that made it may go, set null when the account is removed).
CREATE TRIGGER "SourceText_immutable" BEFORE UPDATE ON "SourceText"
BEGIN SELECT RAISE(ABORT, 'a source''s text never changes once stored'); END;
CREATE TRIGGER "IntakeSuggestion_reading_immutable" BEFORE UPDATE OF "sourceId", "extractor", "key", "kind", "quoteStart", "quoteEnd", "body" ON "IntakeSuggestion"
BEGIN SELECT RAISE(ABORT, 'a suggestion''s reading never changes'); END;
CREATE TRIGGER "IntakeSuggestion_decided_once" BEFORE UPDATE OF "state", "decidedAt", "recordType", "recordId" ON "IntakeSuggestion"
WHEN OLD."state" <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a suggestion is decided once'); END;
