-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" SERIAL NOT NULL,
    "version" INTEGER,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "changeId" INTEGER NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "firstAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "ChangeLog_entity_entityId_idx" ON "ChangeLog"("entity", "entityId");

-- As prisma/migrations/20261205145711_change_log says, in PL/pgSQL: every audited write to a public
-- record is logged as a change in the write's own transaction; each change is queued for the
-- webhook endpoints that asked for it; the records already there start the log.
CREATE FUNCTION "log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEntry_change_log" AFTER INSERT ON "AuditEntry"
    FOR EACH ROW WHEN (NEW."entityType" IN ('Pledge', 'Condition', 'Stakeholder', 'Source', 'Requirement', 'CapacityReference')) EXECUTE FUNCTION "log_change"();

CREATE FUNCTION "queue_webhook_deliveries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "changeId", "eventType", "nextAttemptAt", "createdAt")
    SELECT 'msg_' || NEW."id" || '_' || e."id", e."id", NEW."id", NEW."entity" || '.' || NEW."action",
        NEW."occurredAt", NEW."occurredAt"
    FROM "WebhookEndpoint" e
    WHERE e."disabledAt" IS NULL
        AND (e."events" = '*' OR strpos(e."events", ',' || NEW."entity" || '.' || NEW."action" || ',') > 0);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ChangeLog_webhook_deliveries" AFTER INSERT ON "ChangeLog"
    FOR EACH ROW EXECUTE FUNCTION "queue_webhook_deliveries"();

-- A mirror reads changes after the last one it saw. Ids are drawn in no order of commit, so each
-- transaction's changes are stamped, as it commits, with the data version it commits as (the
-- counter's row lock makes commits take turns): changes are read in (version, id) order, and a
-- version seen means every earlier one is visible too (as FigureDelta's rows are stamped).
CREATE FUNCTION "stamp_change_log"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.changes_stamped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM "bump_data_version_once"();
        UPDATE "ChangeLog" SET "version" = (SELECT "version" FROM "DataVersion" WHERE "id" = 1) WHERE "version" IS NULL;
        PERFORM set_config('pledgewatch.changes_stamped', 'yes', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "ChangeLog_stamp" AFTER INSERT ON "ChangeLog" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW."version" IS NULL) EXECUTE FUNCTION "stamp_change_log"();

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
UPDATE "ChangeLog" SET "version" = (SELECT "version" FROM "DataVersion" WHERE "id" = 1) WHERE "version" IS NULL;
