-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "knownAt" TIMESTAMP(3) NOT NULL,
    "publishedBy" TEXT NOT NULL,
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseFile" (
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "ReleaseFile_pkey" PRIMARY KEY ("releaseId","name")
);

-- CreateTable
CREATE TABLE "ReleaseFileChunk" (
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "ReleaseFileChunk_pkey" PRIMARY KEY ("releaseId","name","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Release_number_key" ON "Release"("number");

-- AddForeignKey
ALTER TABLE "Release" ADD CONSTRAINT "Release_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFile" ADD CONSTRAINT "ReleaseFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseFileChunk" ADD CONSTRAINT "ReleaseFileChunk_releaseId_name_fkey" FOREIGN KEY ("releaseId", "name") REFERENCES "ReleaseFile"("releaseId", "name") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A release stays put: its files are never rewritten or removed, nor is it; only the link to its
-- publisher's account may go (set null when the account is removed).
CREATE FUNCTION release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% never changes once published', CASE TG_TABLE_NAME WHEN 'Release' THEN 'a release' ELSE 'a release''s file' END;
END $$;
CREATE TRIGGER "ReleaseFile_immutable" BEFORE UPDATE OR DELETE ON "ReleaseFile"
FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "ReleaseFileChunk_immutable" BEFORE UPDATE OR DELETE ON "ReleaseFileChunk"
FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "Release_immutable_delete" BEFORE DELETE ON "Release"
FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "Release_immutable_update" BEFORE UPDATE OF "id", "number", "title", "notes", "knownAt", "publishedBy", "createdAt" ON "Release"
FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "Release_no_truncate" BEFORE TRUNCATE ON "Release"
FOR EACH STATEMENT EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "ReleaseFile_no_truncate" BEFORE TRUNCATE ON "ReleaseFile"
FOR EACH STATEMENT EXECUTE FUNCTION release_immutable();
CREATE TRIGGER "ReleaseFileChunk_no_truncate" BEFORE TRUNCATE ON "ReleaseFileChunk"
FOR EACH STATEMENT EXECUTE FUNCTION release_immutable();
