-- CreateIndex
CREATE INDEX "Pledge_updatedAt_idx" ON "Pledge"("updatedAt");
