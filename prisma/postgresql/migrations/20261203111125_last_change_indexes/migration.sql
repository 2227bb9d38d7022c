-- CreateIndex
CREATE INDEX "StatusChange_pledgeId_createdAt_idx" ON "StatusChange"("pledgeId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEvent_pledgeId_recordedAt_idx" ON "LedgerEvent"("pledgeId", "recordedAt");
