-- CreateTable
CREATE TABLE "LedgerEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pledgeId" TEXT NOT NULL,
    "fact" TEXT NOT NULL,
    "quantityLow" BIGINT,
    "quantityHigh" BIGINT,
    "quantityQualifier" TEXT,
    "quantityUnit" TEXT,
    "deliveredQuantity" BIGINT,
    "dueOn" DATETIME,
    "occurredOn" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" TEXT,
    "recordedById" TEXT,
    "note" TEXT NOT NULL,
    CONSTRAINT "LedgerEvent_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LedgerEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "requirementId" TEXT,
    "capacityReferenceId" TEXT,
    "stakeholderId" TEXT,
    "statusChangeId" TEXT,
    "ledgerEventId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_capacityReferenceId_fkey" FOREIGN KEY ("capacityReferenceId") REFERENCES "CapacityReference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_ledgerEventId_fkey" FOREIGN KEY ("ledgerEventId") REFERENCES "LedgerEvent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("capacityReferenceId", "conditionId", "createdAt", "id", "pledgeId", "quote", "requirementId", "sourceId", "stakeholderId", "statusChangeId", "updatedAt") SELECT "capacityReferenceId", "conditionId", "createdAt", "id", "pledgeId", "quote", "requirementId", "sourceId", "stakeholderId", "statusChangeId", "updatedAt" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");
CREATE INDEX "Citation_pledgeId_idx" ON "Citation"("pledgeId");
CREATE INDEX "Citation_conditionId_idx" ON "Citation"("conditionId");
CREATE INDEX "Citation_requirementId_idx" ON "Citation"("requirementId");
CREATE INDEX "Citation_capacityReferenceId_idx" ON "Citation"("capacityReferenceId");
CREATE INDEX "Citation_stakeholderId_idx" ON "Citation"("stakeholderId");
CREATE INDEX "Citation_statusChangeId_idx" ON "Citation"("statusChangeId");
CREATE INDEX "Citation_ledgerEventId_idx" ON "Citation"("ledgerEventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LedgerEvent_pledgeId_fact_occurredOn_idx" ON "LedgerEvent"("pledgeId", "fact", "occurredOn");

-- CreateIndex
CREATE INDEX "LedgerEvent_occurredOn_idx" ON "LedgerEvent"("occurredOn");

-- CreateIndex
CREATE INDEX "LedgerEvent_recordedAt_idx" ON "LedgerEvent"("recordedAt");

-- Redefining Citation dropped its triggers: the data version moves on its writes again.
CREATE TRIGGER "Citation_bump_data_version_insert" AFTER INSERT ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Citation_bump_data_version_update" AFTER UPDATE ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Citation_bump_data_version_delete" AFTER DELETE ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

-- The ledger is evidence: rows are only ever added.
CREATE TRIGGER "LedgerEvent_no_update" BEFORE UPDATE ON "LedgerEvent"
BEGIN
    SELECT RAISE(ABORT, 'LedgerEvent is append-only: record a new event instead');
END;

CREATE TRIGGER "LedgerEvent_no_delete" BEFORE DELETE ON "LedgerEvent"
BEGIN
    SELECT RAISE(ABORT, 'LedgerEvent is append-only: it cannot be deleted');
END;

CREATE TRIGGER "LedgerEvent_bump_data_version_insert" AFTER INSERT ON "LedgerEvent"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

-- Existing pledges keep their history: their figures as they stand become the events of their
-- creation, dated their announcement and recorded when the pledge was.
INSERT INTO "LedgerEvent" ("id", "pledgeId", "fact", "quantityLow", "quantityHigh", "quantityQualifier", "quantityUnit", "occurredOn", "recordedAt", "note")
SELECT 'ledger-' || "id" || '-stated', "id", 'stated', "quantityLow", "quantityHigh", "quantityQualifier", "quantityUnit", "announcedOn", "createdAt", 'As recorded with the pledge'
FROM "Pledge";

INSERT INTO "LedgerEvent" ("id", "pledgeId", "fact", "deliveredQuantity", "occurredOn", "recordedAt", "note")
SELECT 'ledger-' || "id" || '-delivered', "id", 'delivered', "deliveredQuantity", "announcedOn", "createdAt", 'As recorded with the pledge'
FROM "Pledge";

INSERT INTO "LedgerEvent" ("id", "pledgeId", "fact", "dueOn", "occurredOn", "recordedAt", "note")
SELECT 'ledger-' || "id" || '-due', "id", 'due', "dueOn", "announcedOn", "createdAt", 'As recorded with the pledge'
FROM "Pledge";
