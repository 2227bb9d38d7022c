-- CreateTable
CREATE TABLE "Release" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "knownAt" DATETIME NOT NULL,
    "publishedBy" TEXT NOT NULL,
    "publishedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Release_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseFile" (
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    PRIMARY KEY ("releaseId", "name"),
    CONSTRAINT "ReleaseFile_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseFileChunk" (
    "releaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,

    PRIMARY KEY ("releaseId", "name", "seq"),
    CONSTRAINT "ReleaseFileChunk_releaseId_name_fkey" FOREIGN KEY ("releaseId", "name") REFERENCES "ReleaseFile" ("releaseId", "name") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Release_number_key" ON "Release"("number");


-- A release stays put: its files are never rewritten or removed, nor is it; only the link to its
-- publisher's account may go (set null when the account is removed).
CREATE TRIGGER "ReleaseFile_immutable_update" BEFORE UPDATE ON "ReleaseFile"
BEGIN SELECT RAISE(ABORT, 'a release''s file never changes once published'); END;
CREATE TRIGGER "ReleaseFile_immutable_delete" BEFORE DELETE ON "ReleaseFile"
BEGIN SELECT RAISE(ABORT, 'a release''s file never changes once published'); END;
CREATE TRIGGER "ReleaseFileChunk_immutable_update" BEFORE UPDATE ON "ReleaseFileChunk"
BEGIN SELECT RAISE(ABORT, 'a release''s file never changes once published'); END;
CREATE TRIGGER "ReleaseFileChunk_immutable_delete" BEFORE DELETE ON "ReleaseFileChunk"
BEGIN SELECT RAISE(ABORT, 'a release''s file never changes once published'); END;
CREATE TRIGGER "Release_immutable_delete" BEFORE DELETE ON "Release"
BEGIN SELECT RAISE(ABORT, 'a release never changes once published'); END;
CREATE TRIGGER "Release_immutable_update" BEFORE UPDATE OF "id", "number", "title", "notes", "knownAt", "publishedBy", "createdAt" ON "Release"
BEGIN SELECT RAISE(ABORT, 'a release never changes once published'); END;
