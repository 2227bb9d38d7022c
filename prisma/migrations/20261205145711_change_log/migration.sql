-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "disabledAt" DATETIME,
    "disabledReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "changeId" INTEGER NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedUntil" DATETIME,
    "leasedBy" TEXT,
    "firstAttemptAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WebhookDelivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ChangeLog_version_id_idx" ON "ChangeLog"("version", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_state_nextAttemptAt_idx" ON "WebhookDelivery"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_changeId_idx" ON "WebhookDelivery"("changeId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");

-- CreateIndex
CREATE INDEX "ChangeLog_entity_entityId_idx" ON "ChangeLog"("entity", "entityId");

-- Every audited write to a public record is logged as a change, by the database, in the write's own
-- transaction, whichever path wrote it (editor, API, import). The audit's words become the event's:
-- an entity ("pledge") and what happened to it ("status_changed").
CREATE TRIGGER "AuditEntry_change_log" AFTER INSERT ON "AuditEntry"
WHEN NEW."entityType" IN ('Pledge', 'Condition', 'Stakeholder', 'Source', 'Requirement', 'CapacityReference')
BEGIN
    INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    VALUES (CASE NEW."entityType" WHEN 'Pledge' THEN 'pledge' WHEN 'Condition' THEN 'condition' WHEN 'Stakeholder' THEN 'stakeholder' WHEN 'Source' THEN 'source' WHEN 'Requirement' THEN 'requirement' WHEN 'CapacityReference' THEN 'capacity_reference' END,
        NEW."entityId",
        CASE NEW."action" WHEN 'create' THEN 'created' WHEN 'update' THEN 'updated' WHEN 'delete' THEN 'deleted' WHEN 'restore' THEN 'restored' WHEN 'status' THEN 'status_changed' ELSE NEW."action" END,
        NEW."occurredAt");

    -- What other records show of this one changes with it: a pledge shows its conditions (and
    -- whether they block it), its stakeholders and its sources; a condition, requirement or capacity
    -- reference shows its stakeholder. Each is logged as updated, so that a mirror stays exact.
    INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'pledge', p."id", 'updated', NEW."occurredAt" FROM "Pledge" p
    WHERE p."deletedAt" IS NULL AND NEW."action" IN ('update', 'status') AND (
        (NEW."entityType" = 'Condition'
            AND p."id" IN (SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."entityId"))
        OR (NEW."entityType" = 'Stakeholder'
            AND p."id" IN (SELECT "pledgeId" FROM "PledgeStakeholder" WHERE "stakeholderId" = NEW."entityId"))
        OR (NEW."entityType" = 'Source' AND (
            p."id" IN (SELECT "pledgeId" FROM "Citation" WHERE "sourceId" = NEW."entityId")
            OR p."id" IN (SELECT s."pledgeId" FROM "StatusChange" s JOIN "Citation" c ON c."statusChangeId" = s."id"
                WHERE c."sourceId" = NEW."entityId"))))
    ORDER BY p."id";
    INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'condition', "id", 'updated', NEW."occurredAt" FROM "Condition"
    WHERE NEW."entityType" = 'Stakeholder' AND NEW."action" = 'update' AND "dependsOnId" = NEW."entityId"
    UNION ALL
    SELECT 'requirement', "id", 'updated', NEW."occurredAt" FROM "Requirement"
    WHERE NEW."entityType" = 'Stakeholder' AND NEW."action" = 'update' AND "stakeholderId" = NEW."entityId"
    UNION ALL
    SELECT 'capacity_reference', "id", 'updated', NEW."occurredAt" FROM "CapacityReference"
    WHERE NEW."entityType" = 'Stakeholder' AND NEW."action" = 'update' AND "stakeholderId" = NEW."entityId";
END;

-- The webhooks' outbox: each change is queued for every enabled endpoint that asked for its type,
-- with the change, so that nothing is lost if the process dies before sending. The id is the
-- message's webhook-id, one per change and endpoint.
CREATE TRIGGER "ChangeLog_webhook_deliveries" AFTER INSERT ON "ChangeLog"
BEGIN
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "changeId", "eventType", "nextAttemptAt", "createdAt")
    SELECT 'msg_' || NEW."id" || '_' || e."id", e."id", NEW."id", NEW."entity" || '.' || NEW."action",
        NEW."occurredAt", NEW."occurredAt"
    FROM "WebhookEndpoint" e
    WHERE e."disabledAt" IS NULL
        AND (e."events" = '*' OR instr(e."events", ',' || NEW."entity" || '.' || NEW."action" || ',') > 0);
END;

-- The records already there start the log, as created (server/change-log.ts logUnloggedRecords does
-- the same for a seed or a dataset restored later).
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'pledge', "id", 'created', "createdAt" FROM "Pledge" WHERE "deletedAt" IS NULL ORDER BY "createdAt", "id";
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'condition', "id", 'created', "createdAt" FROM "Condition" ORDER BY "createdAt", "id";
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'stakeholder', "id", 'created', "createdAt" FROM "Stakeholder" ORDER BY "createdAt", "id";
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'source', "id", 'created', "createdAt" FROM "Source" ORDER BY "createdAt", "id";
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'requirement', "id", 'created', "createdAt" FROM "Requirement" ORDER BY "createdAt", "id";
INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
    SELECT 'capacity_reference', "id", 'created', "createdAt" FROM "CapacityReference" ORDER BY "createdAt", "id";
