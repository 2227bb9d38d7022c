-- When anything was last recorded: MAX("createdAt") read from the index, not a scan of every change.
CREATE INDEX "StatusChange_createdAt_idx" ON "StatusChange"("createdAt");
