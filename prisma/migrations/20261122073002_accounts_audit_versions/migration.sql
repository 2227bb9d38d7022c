-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN "deletedAt" DATETIME;

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorTokenId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "version" INTEGER,
    CONSTRAINT "AuditEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AuditEntry_actorTokenId_fkey" FOREIGN KEY ("actorTokenId") REFERENCES "ApiToken" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Stakeholder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryCode" TEXT,
    "stance" TEXT,
    "primaryContribution" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Stakeholder" ("countryCode", "createdAt", "description", "id", "kind", "name", "primaryContribution", "slug", "stance", "updatedAt") SELECT "countryCode", "createdAt", "description", "id", "kind", "name", "primaryContribution", "slug", "stance", "updatedAt" FROM "Stakeholder";
DROP TABLE "Stakeholder";
ALTER TABLE "new_Stakeholder" RENAME TO "Stakeholder";
CREATE UNIQUE INDEX "Stakeholder_slug_key" ON "Stakeholder"("slug");
CREATE UNIQUE INDEX "Stakeholder_name_key" ON "Stakeholder"("name");
CREATE INDEX "Stakeholder_kind_idx" ON "Stakeholder"("kind");
CREATE TABLE "new_StatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "fromPledgeStatus" TEXT,
    "toPledgeStatus" TEXT,
    "fromConditionStatus" TEXT,
    "toConditionStatus" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "recordedBy" TEXT,
    "recordedById" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusChange_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusChange_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusChange_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_StatusChange" ("conditionId", "createdAt", "fromConditionStatus", "fromPledgeStatus", "id", "note", "occurredAt", "pledgeId", "recordedBy", "toConditionStatus", "toPledgeStatus", "updatedAt") SELECT "conditionId", "createdAt", "fromConditionStatus", "fromPledgeStatus", "id", "note", "occurredAt", "pledgeId", "recordedBy", "toConditionStatus", "toPledgeStatus", "updatedAt" FROM "StatusChange";
DROP TABLE "StatusChange";
ALTER TABLE "new_StatusChange" RENAME TO "StatusChange";
CREATE INDEX "StatusChange_pledgeId_occurredAt_idx" ON "StatusChange"("pledgeId", "occurredAt");
CREATE INDEX "StatusChange_conditionId_occurredAt_idx" ON "StatusChange"("conditionId", "occurredAt");
CREATE INDEX "StatusChange_occurredAt_idx" ON "StatusChange"("occurredAt");
CREATE TABLE "new_Requirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "scope" TEXT,
    "stakeholderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Requirement_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Requirement" ("createdAt", "description", "high", "id", "low", "qualifier", "scope", "slug", "stakeholderId", "title", "unit", "updatedAt") SELECT "createdAt", "description", "high", "id", "low", "qualifier", "scope", "slug", "stakeholderId", "title", "unit", "updatedAt" FROM "Requirement";
DROP TABLE "Requirement";
ALTER TABLE "new_Requirement" RENAME TO "Requirement";
CREATE UNIQUE INDEX "Requirement_slug_key" ON "Requirement"("slug");
CREATE INDEX "Requirement_unit_idx" ON "Requirement"("unit");
CREATE TABLE "new_CapacityReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "stakeholderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityReference_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CapacityReference" ("createdAt", "high", "id", "low", "qualifier", "slug", "stakeholderId", "title", "unit", "updatedAt") SELECT "createdAt", "high", "id", "low", "qualifier", "slug", "stakeholderId", "title", "unit", "updatedAt" FROM "CapacityReference";
DROP TABLE "CapacityReference";
ALTER TABLE "new_CapacityReference" RENAME TO "CapacityReference";
CREATE UNIQUE INDEX "CapacityReference_slug_key" ON "CapacityReference"("slug");
CREATE INDEX "CapacityReference_unit_idx" ON "CapacityReference"("unit");
CREATE INDEX "CapacityReference_stakeholderId_idx" ON "CapacityReference"("stakeholderId");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedOn" DATETIME,
    "url" TEXT,
    "fileName" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Source" ("createdAt", "description", "fileName", "id", "publishedOn", "publisher", "slug", "title", "updatedAt", "url") SELECT "createdAt", "description", "fileName", "id", "publishedOn", "publisher", "slug", "title", "updatedAt", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_occurredAt_idx" ON "AuditEntry"("entityType", "entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_occurredAt_idx" ON "AuditEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorUserId_idx" ON "AuditEntry"("actorUserId");

-- Redefining a table drops its triggers: put back the append-only rules and the data-version
-- counters of the five tables rebuilt above.
CREATE TRIGGER "StatusChange_no_update" BEFORE UPDATE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only: record a new status change instead');
END;

CREATE TRIGGER "StatusChange_no_delete" BEFORE DELETE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only: it cannot be deleted');
END;

CREATE TRIGGER "StatusChange_one_subject" BEFORE INSERT ON "StatusChange"
WHEN NOT (
    (NEW."pledgeId" IS NOT NULL AND NEW."conditionId" IS NULL
        AND NEW."toPledgeStatus" IS NOT NULL AND NEW."toConditionStatus" IS NULL AND NEW."fromConditionStatus" IS NULL)
    OR
    (NEW."conditionId" IS NOT NULL AND NEW."pledgeId" IS NULL
        AND NEW."toConditionStatus" IS NOT NULL AND NEW."toPledgeStatus" IS NULL AND NEW."fromPledgeStatus" IS NULL)
)
BEGIN
    SELECT RAISE(ABORT, 'StatusChange must concern exactly one pledge or one condition');
END;

CREATE TRIGGER "StatusChange_bump_data_version_insert" AFTER INSERT ON "StatusChange"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_insert" AFTER INSERT ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_update" AFTER UPDATE ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_delete" AFTER DELETE ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_insert" AFTER INSERT ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_update" AFTER UPDATE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_delete" AFTER DELETE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_insert" AFTER INSERT ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_update" AFTER UPDATE ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_delete" AFTER DELETE ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_insert" AFTER INSERT ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_update" AFTER UPDATE ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_delete" AFTER DELETE ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

-- The audit log is evidence too: rows are only ever added.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;

CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: it cannot be deleted');
END;
