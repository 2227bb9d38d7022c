-- The past's version (DataVersion row 4): moved by every write that can change the figures of a day
-- before today, so that a gap history's earlier points, which a recount takes seconds to count at
-- 10,000 pledges, are counted again only then (features/figures/index.ts). What a past day's
-- figures read (features/pledges/selection-sql.ts, pledgesFromLedger): events and status changes
-- dated before it, the pledge's row for its category, qualifier, announcement, deletion and the
-- words a filter searches, its links, the conditions and requirements. A status change or a ledger
-- event dated today or later moves only today's figures, unless its pledge (or condition) has none
-- dated earlier: a day before the first is read from the earliest (selection-sql.ts, statusAt and
-- pledgesFromLedger). So does a change of the columns that follow them (status, stated figures,
-- deliveries, the sort keys). "Today" is the UTC day of 15 minutes from now: in a day's last 15
-- minutes every write moves it, for a write whose transaction ends after midnight (an import is
-- stopped after 10), when yesterday has become a past day.
-- The same in PL/pgSQL: prisma/postgresql/migrations/20261204233000_past_version.
INSERT INTO "DataVersion" ("id", "version") VALUES (4, 0);

CREATE TRIGGER "StatusChange_past_version" AFTER INSERT ON "StatusChange"
WHEN NEW."occurredAt" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes')
    OR (NEW."pledgeId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."pledgeId" = NEW."pledgeId"
        AND sc."occurredAt" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes') AND sc."id" <> NEW."id"))
    OR (NEW."conditionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."conditionId" = NEW."conditionId"
        AND sc."occurredAt" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes') AND sc."id" <> NEW."id"))
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "LedgerEvent_past_version_insert" AFTER INSERT ON "LedgerEvent"
WHEN NEW."occurredOn" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes')
    OR NOT EXISTS (SELECT 1 FROM "LedgerEvent" e WHERE e."pledgeId" = NEW."pledgeId" AND e."fact" = NEW."fact"
        AND e."occurredOn" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes') AND e."id" <> NEW."id")
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "LedgerEvent_past_version_update" AFTER UPDATE ON "LedgerEvent"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "LedgerEvent_past_version_delete" AFTER DELETE ON "LedgerEvent"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Pledge_past_version_insert" AFTER INSERT ON "Pledge"
WHEN NEW."announcedOn" < strftime('%Y-%m-%dT00:00:00', 'now', '+15 minutes')
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Pledge_past_version_update" AFTER UPDATE ON "Pledge"
WHEN OLD."category" IS NOT NEW."category" OR OLD."quantityQualifier" IS NOT NEW."quantityQualifier"
    OR OLD."announcedOn" IS NOT NEW."announcedOn" OR OLD."deletedAt" IS NOT NEW."deletedAt"
    OR OLD."createdAt" IS NOT NEW."createdAt" OR OLD."title" IS NOT NEW."title"
    OR OLD."description" IS NOT NEW."description"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Pledge_past_version_delete" AFTER DELETE ON "Pledge"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeStakeholder_past_version_insert" AFTER INSERT ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeStakeholder_past_version_update" AFTER UPDATE ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeStakeholder_past_version_delete" AFTER DELETE ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeCondition_past_version_insert" AFTER INSERT ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeCondition_past_version_update" AFTER UPDATE ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "PledgeCondition_past_version_delete" AFTER DELETE ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

-- A condition's status follows its status changes (dated); its other columns are read as they are.
CREATE TRIGGER "Condition_past_version_insert" AFTER INSERT ON "Condition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Condition_past_version_update" AFTER UPDATE ON "Condition"
WHEN OLD."slug" IS NOT NEW."slug" OR OLD."createdAt" IS NOT NEW."createdAt"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Condition_past_version_delete" AFTER DELETE ON "Condition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Requirement_past_version_insert" AFTER INSERT ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Requirement_past_version_update" AFTER UPDATE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Requirement_past_version_delete" AFTER DELETE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;

CREATE TRIGGER "Stakeholder_past_version_slug" AFTER UPDATE OF "slug" ON "Stakeholder"
WHEN OLD."slug" IS NOT NEW."slug"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
END;
