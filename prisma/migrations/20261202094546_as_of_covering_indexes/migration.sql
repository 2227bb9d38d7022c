-- DropIndex
DROP INDEX "StatusChange_pledgeId_occurredAt_idx";

-- DropIndex
DROP INDEX "StatusChange_conditionId_occurredAt_idx";

-- DropIndex
DROP INDEX "LedgerEvent_pledgeId_fact_occurredOn_idx";

-- CreateIndex
CREATE INDEX "StatusChange_pledgeId_occurredAt_createdAt_toPledgeStatus_fromPledgeStatus_idx" ON "StatusChange"("pledgeId", "occurredAt", "createdAt", "toPledgeStatus", "fromPledgeStatus");

-- CreateIndex
CREATE INDEX "StatusChange_conditionId_occurredAt_createdAt_toConditionStatus_fromConditionStatus_idx" ON "StatusChange"("conditionId", "occurredAt", "createdAt", "toConditionStatus", "fromConditionStatus");

-- CreateIndex
CREATE INDEX "LedgerEvent_pledgeId_fact_occurredOn_recordedAt_id_idx" ON "LedgerEvent"("pledgeId", "fact", "occurredOn", "recordedAt", "id");
