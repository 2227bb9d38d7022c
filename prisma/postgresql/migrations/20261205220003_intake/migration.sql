-- CreateEnum
CREATE TYPE "IntakeKind" AS ENUM ('pledge', 'condition', 'figure', 'requirement', 'capacity', 'status');

-- CreateEnum
CREATE TYPE "IntakeState" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateTable
CREATE TABLE "SourceText" (
    "sourceId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceText_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "IntakeSuggestion" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "extractor" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "IntakeKind" NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "state" "IntakeState" NOT NULL DEFAULT 'pending',
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "recordType" TEXT,
    "recordId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntakeSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceText_sha256_key" ON "SourceText"("sha256");

-- CreateIndex
CREATE INDEX "IntakeSuggestion_sourceId_state_quoteStart_idx" ON "IntakeSuggestion"("sourceId", "state", "quoteStart");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeSuggestion_sourceId_key_key" ON "IntakeSuggestion"("sourceId", "key");

-- AddForeignKey
ALTER TABLE "SourceText" ADD CONSTRAINT "SourceText_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeSuggestion" ADD CONSTRAINT "IntakeSuggestion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeSuggestion" ADD CONSTRAINT "IntakeSuggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A source's text is never rewritten: its suggestions and citations quote it by offsets. A
-- suggestion's reading never changes either, and a decision once made stays made (only the link to
-- the account that made it may go, set null when the account is removed).
CREATE FUNCTION intake_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', CASE TG_ARGV[0]
    WHEN 'text' THEN 'a source''s text never changes once stored'
    WHEN 'reading' THEN 'a suggestion''s reading never changes'
    ELSE 'a suggestion is decided once' END;
END $$;
CREATE TRIGGER "SourceText_immutable" BEFORE UPDATE ON "SourceText"
FOR EACH ROW EXECUTE FUNCTION intake_immutable('text');
CREATE TRIGGER "IntakeSuggestion_reading_immutable" BEFORE UPDATE OF "sourceId", "extractor", "key", "kind", "quoteStart", "quoteEnd", "body" ON "IntakeSuggestion"
FOR EACH ROW EXECUTE FUNCTION intake_immutable('reading');
CREATE TRIGGER "IntakeSuggestion_decided_once" BEFORE UPDATE OF "state", "decidedAt", "recordType", "recordId" ON "IntakeSuggestion"
FOR EACH ROW WHEN (OLD."state" <> 'pending') EXECUTE FUNCTION intake_immutable('decided');
