-- CreateEnum
CREATE TYPE "LedgerFact" AS ENUM ('stated', 'delivered', 'due');

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "ledgerEventId" TEXT;

-- CreateTable
CREATE TABLE "LedgerEvent" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT NOT NULL,
    "fact" "LedgerFact" NOT NULL,
    "quantityLow" BIGINT,
    "quantityHigh" BIGINT,
    "quantityQualifier" "QuantityQualifier",
    "quantityUnit" TEXT,
    "deliveredQuantity" BIGINT,
    "dueOn" TIMESTAMP(3),
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" TEXT,
    "recordedById" TEXT,
    "note" TEXT NOT NULL,

    CONSTRAINT "LedgerEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LedgerEvent_pledgeId_fact_occurredOn_idx" ON "LedgerEvent"("pledgeId", "fact", "occurredOn");

-- CreateIndex
CREATE INDEX "LedgerEvent_occurredOn_idx" ON "LedgerEvent"("occurredOn");

-- CreateIndex
CREATE INDEX "LedgerEvent_recordedAt_idx" ON "LedgerEvent"("recordedAt");

-- CreateIndex
CREATE INDEX "Citation_ledgerEventId_idx" ON "Citation"("ledgerEventId");

-- AddForeignKey
ALTER TABLE "LedgerEvent" ADD CONSTRAINT "LedgerEvent_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEvent" ADD CONSTRAINT "LedgerEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_ledgerEventId_fkey" FOREIGN KEY ("ledgerEventId") REFERENCES "LedgerEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is evidence: rows are only ever added.
CREATE TRIGGER "LedgerEvent_no_update" BEFORE UPDATE ON "LedgerEvent"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('LedgerEvent is append-only: record a new event instead');
CREATE TRIGGER "LedgerEvent_no_delete" BEFORE DELETE ON "LedgerEvent"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('LedgerEvent is append-only: it cannot be deleted');
CREATE TRIGGER "LedgerEvent_no_truncate" BEFORE TRUNCATE ON "LedgerEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('LedgerEvent is append-only: it cannot be deleted');
CREATE CONSTRAINT TRIGGER "LedgerEvent_bump_data_version" AFTER INSERT ON "LedgerEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();

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
