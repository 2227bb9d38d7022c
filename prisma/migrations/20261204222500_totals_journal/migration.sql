-- The present-day totals as a journal of signed additions (FigureDelta), kept by triggers from the
-- pledges and their links whichever path writes them (the editor, imports, the seed, restores), so
-- that the dashboard sums a few hundred rows instead of grouping every live pledge on every renewal.
-- Writers only add rows (read after the last id a server read: one writer at a time, ids follow the
-- order of commits); summing it up replaces them. Summed per group it gives the
-- groups that the figures' GROUP BY queries (features/figures/queries.ts) make of the pledges.
-- The same in PL/pgSQL: prisma/postgresql/migrations/20261204222500_totals_journal.
CREATE TABLE "FigureDelta" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "qualifier" TEXT NOT NULL,
    "blockedBy" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "delivered" BIGINT NOT NULL,
    "deliveredAbove" INTEGER NOT NULL,
    "version" INTEGER
);
CREATE INDEX "FigureDelta_version_idx" ON "FigureDelta"("version");

-- The journal's epoch: moved each time it is summed up (its rows replaced), so that a server
-- reading it a few rows at a time knows to read it whole again.
INSERT INTO "DataVersion" ("id", "version") VALUES (3, 0);

-- The pledge's blocking conditions replace the flag of whether there are any (blocked = blockedBy
-- IS NOT NULL): the groups need which. Columns changed in place rather than by rebuilding the table,
-- which would drop the Pledge triggers (data_version).
DROP TRIGGER "PledgeCondition_blocked_insert";
DROP TRIGGER "PledgeCondition_blocked_update";
DROP TRIGGER "PledgeCondition_blocked_delete";
DROP TRIGGER "Condition_blocked_status";
ALTER TABLE "Pledge" DROP COLUMN "blocked";
ALTER TABLE "Pledge" ADD COLUMN "blockedBy" TEXT;
ALTER TABLE "Pledge" ADD COLUMN "ledBy" TEXT;

-- Each pledge's two keys as its links say. blockedBy: the ids of its conditions unmet or partially
-- met (blockingConditionStatuses, lib/rules/effective-status.ts) in order, or null. ledBy
-- (leadAttribution, lib/rules/figures.ts): the one stakeholder named lead; with no lead, its one
-- carrier (pledger, lead or contributor); otherwise null, "no single lead".
CREATE VIEW "PledgeTotalsKeys" AS
SELECT p."id",
    (SELECT group_concat(pc."conditionId", ',' ORDER BY pc."conditionId")
        FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = p."id" AND c."status" IN ('unmet', 'partially_met')) AS "blockedBy",
    (SELECT CASE
            WHEN COUNT(DISTINCT CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) = 1
                THEN MAX(CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END)
            WHEN COUNT(DISTINCT CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) = 0
                AND COUNT(DISTINCT ps."stakeholderId") = 1 THEN MAX(ps."stakeholderId") END
        FROM "PledgeStakeholder" ps
        WHERE ps."pledgeId" = p."id" AND ps."role" IN ('pledger', 'lead', 'contributor')) AS "ledBy"
FROM "Pledge" p;

UPDATE "Pledge" SET ("blockedBy", "ledBy") =
    (SELECT k."blockedBy", k."ledBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id");

-- blockedBy, worked out again when it can change: a blocking condition linked or unlinked, a
-- condition starting or ceasing to block.
CREATE TRIGGER "PledgeCondition_blocked_by_insert" AFTER INSERT ON "PledgeCondition"
WHEN (SELECT "status" FROM "Condition" WHERE "id" = NEW."conditionId") IN ('unmet', 'partially_met')
BEGIN
    UPDATE "Pledge" SET "blockedBy" = (SELECT k."blockedBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" = NEW."pledgeId";
END;

CREATE TRIGGER "PledgeCondition_blocked_by_update" AFTER UPDATE ON "PledgeCondition"
BEGIN
    UPDATE "Pledge" SET "blockedBy" = (SELECT k."blockedBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" IN (OLD."pledgeId", NEW."pledgeId");
END;

CREATE TRIGGER "PledgeCondition_blocked_by_delete" AFTER DELETE ON "PledgeCondition"
WHEN (SELECT "status" FROM "Condition" WHERE "id" = OLD."conditionId") IN ('unmet', 'partially_met')
BEGIN
    UPDATE "Pledge" SET "blockedBy" = (SELECT k."blockedBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" = OLD."pledgeId";
END;

CREATE TRIGGER "Condition_blocked_by_status" AFTER UPDATE OF "status" ON "Condition"
WHEN (OLD."status" IN ('unmet', 'partially_met')) IS NOT (NEW."status" IN ('unmet', 'partially_met'))
BEGIN
    UPDATE "Pledge" SET "blockedBy" = (SELECT k."blockedBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" IN (SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."id");
END;

-- The journal as it stands: every live pledge once by category, once for each stakeholder carrying
-- it, once for its lead.
INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
    "count", "low", "high", "delivered", "deliveredAbove")
SELECT k."kind", k."stakeholderId", COALESCE(p."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN p."category" ELSE '' END,
    p."status", p."quantityQualifier", COALESCE(p."blockedBy", ''), 1, COALESCE(p."quantityLow", 0),
    COALESCE(p."quantityHigh", 0), COALESCE(p."deliveredQuantity", 0),
    CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN 1 ELSE 0 END
FROM "Pledge" p JOIN (
    SELECT "id" AS "pledgeId", 'pledge' AS "kind", '' AS "stakeholderId" FROM "Pledge"
    UNION ALL SELECT "id", 'lead', COALESCE("ledBy", '') FROM "Pledge"
    UNION ALL SELECT DISTINCT "pledgeId", 'carrier', "stakeholderId" FROM "PledgeStakeholder"
        WHERE "role" IN ('pledger', 'lead', 'contributor')
) k ON k."pledgeId" = p."id"
WHERE p."deletedAt" IS NULL;

-- A pledge added, changed or deleted: its old figures taken away, its new ones added, under each
-- key it counts for. Only when something the totals read changed (an edit rewrites every column).
CREATE TRIGGER "Pledge_totals_insert" AFTER INSERT ON "Pledge"
WHEN NEW."deletedAt" IS NULL
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT k."kind", k."stakeholderId", COALESCE(NEW."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN NEW."category" ELSE '' END,
        NEW."status", NEW."quantityQualifier", COALESCE(NEW."blockedBy", ''), 1, COALESCE(NEW."quantityLow", 0),
        COALESCE(NEW."quantityHigh", 0), COALESCE(NEW."deliveredQuantity", 0),
        CASE WHEN NEW."deliveredQuantity" > NEW."quantityHigh" THEN 1 ELSE 0 END
    FROM (SELECT 'pledge' AS "kind", '' AS "stakeholderId" UNION ALL SELECT 'lead', COALESCE(NEW."ledBy", '')) k;
END;

CREATE TRIGGER "Pledge_totals_update" AFTER UPDATE OF "status", "quantityUnit", "category", "quantityQualifier",
    "quantityLow", "quantityHigh", "deliveredQuantity", "deletedAt", "blockedBy", "ledBy" ON "Pledge"
WHEN OLD."status" IS NOT NEW."status" OR OLD."quantityUnit" IS NOT NEW."quantityUnit"
    OR OLD."category" IS NOT NEW."category" OR OLD."quantityQualifier" IS NOT NEW."quantityQualifier"
    OR OLD."quantityLow" IS NOT NEW."quantityLow" OR OLD."quantityHigh" IS NOT NEW."quantityHigh"
    OR OLD."deliveredQuantity" IS NOT NEW."deliveredQuantity" OR (OLD."deletedAt" IS NULL) IS NOT (NEW."deletedAt" IS NULL)
    OR OLD."blockedBy" IS NOT NEW."blockedBy" OR OLD."ledBy" IS NOT NEW."ledBy"
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT k."kind", k."stakeholderId", COALESCE(OLD."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN OLD."category" ELSE '' END,
        OLD."status", OLD."quantityQualifier", COALESCE(OLD."blockedBy", ''), -1, -COALESCE(OLD."quantityLow", 0),
        -COALESCE(OLD."quantityHigh", 0), -COALESCE(OLD."deliveredQuantity", 0),
        CASE WHEN OLD."deliveredQuantity" > OLD."quantityHigh" THEN -1 ELSE 0 END
    FROM (SELECT 'pledge' AS "kind", '' AS "stakeholderId" UNION ALL SELECT 'lead', COALESCE(OLD."ledBy", '')
        UNION ALL SELECT DISTINCT 'carrier', "stakeholderId" FROM "PledgeStakeholder"
            WHERE "pledgeId" = OLD."id" AND "role" IN ('pledger', 'lead', 'contributor')) k
    WHERE OLD."deletedAt" IS NULL
    UNION ALL
    SELECT k."kind", k."stakeholderId", COALESCE(NEW."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN NEW."category" ELSE '' END,
        NEW."status", NEW."quantityQualifier", COALESCE(NEW."blockedBy", ''), 1, COALESCE(NEW."quantityLow", 0),
        COALESCE(NEW."quantityHigh", 0), COALESCE(NEW."deliveredQuantity", 0),
        CASE WHEN NEW."deliveredQuantity" > NEW."quantityHigh" THEN 1 ELSE 0 END
    FROM (SELECT 'pledge' AS "kind", '' AS "stakeholderId" UNION ALL SELECT 'lead', COALESCE(NEW."ledBy", '')
        UNION ALL SELECT DISTINCT 'carrier', "stakeholderId" FROM "PledgeStakeholder"
            WHERE "pledgeId" = NEW."id" AND "role" IN ('pledger', 'lead', 'contributor')) k
    WHERE NEW."deletedAt" IS NULL;
END;

-- Before: its links are still there to say whom it counted for (deleting it deletes them).
CREATE TRIGGER "Pledge_totals_delete" BEFORE DELETE ON "Pledge"
WHEN OLD."deletedAt" IS NULL
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT k."kind", k."stakeholderId", COALESCE(OLD."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN OLD."category" ELSE '' END,
        OLD."status", OLD."quantityQualifier", COALESCE(OLD."blockedBy", ''), -1, -COALESCE(OLD."quantityLow", 0),
        -COALESCE(OLD."quantityHigh", 0), -COALESCE(OLD."deliveredQuantity", 0),
        CASE WHEN OLD."deliveredQuantity" > OLD."quantityHigh" THEN -1 ELSE 0 END
    FROM (SELECT 'pledge' AS "kind", '' AS "stakeholderId" UNION ALL SELECT 'lead', COALESCE(OLD."ledBy", '')
        UNION ALL SELECT DISTINCT 'carrier', "stakeholderId" FROM "PledgeStakeholder"
            WHERE "pledgeId" = OLD."id" AND "role" IN ('pledger', 'lead', 'contributor')) k;
END;

-- A stakeholder starting or ceasing to carry a pledge (its first or last carrying role on it):
-- that stakeholder's totals gain or lose the pledge (a pledge already deleted counts for no one).
-- An update is a link leaving (before) and one arriving (after). ledBy follows, moving the lead's.
CREATE TRIGGER "PledgeStakeholder_totals_insert" AFTER INSERT ON "PledgeStakeholder"
WHEN NEW."role" IN ('pledger', 'lead', 'contributor')
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT 'carrier', NEW."stakeholderId", COALESCE(p."quantityUnit", ''), '', p."status", p."quantityQualifier",
        COALESCE(p."blockedBy", ''), 1, COALESCE(p."quantityLow", 0), COALESCE(p."quantityHigh", 0),
        COALESCE(p."deliveredQuantity", 0), CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN 1 ELSE 0 END
    FROM "Pledge" p
    WHERE p."id" = NEW."pledgeId" AND p."deletedAt" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = NEW."pledgeId" AND o."stakeholderId" = NEW."stakeholderId"
            AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> NEW."role");
    UPDATE "Pledge" SET "ledBy" = (SELECT k."ledBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" = NEW."pledgeId";
END;

CREATE TRIGGER "PledgeStakeholder_totals_leave" BEFORE DELETE ON "PledgeStakeholder"
WHEN OLD."role" IN ('pledger', 'lead', 'contributor')
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT 'carrier', OLD."stakeholderId", COALESCE(p."quantityUnit", ''), '', p."status", p."quantityQualifier",
        COALESCE(p."blockedBy", ''), -1, -COALESCE(p."quantityLow", 0), -COALESCE(p."quantityHigh", 0),
        -COALESCE(p."deliveredQuantity", 0), CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN -1 ELSE 0 END
    FROM "Pledge" p
    WHERE p."id" = OLD."pledgeId" AND p."deletedAt" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = OLD."pledgeId" AND o."stakeholderId" = OLD."stakeholderId"
            AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> OLD."role");
END;

CREATE TRIGGER "PledgeStakeholder_totals_delete" AFTER DELETE ON "PledgeStakeholder"
WHEN OLD."role" IN ('pledger', 'lead', 'contributor')
BEGIN
    UPDATE "Pledge" SET "ledBy" = (SELECT k."ledBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" = OLD."pledgeId";
END;

CREATE TRIGGER "PledgeStakeholder_totals_update_leave" BEFORE UPDATE ON "PledgeStakeholder"
WHEN OLD."role" IN ('pledger', 'lead', 'contributor')
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT 'carrier', OLD."stakeholderId", COALESCE(p."quantityUnit", ''), '', p."status", p."quantityQualifier",
        COALESCE(p."blockedBy", ''), -1, -COALESCE(p."quantityLow", 0), -COALESCE(p."quantityHigh", 0),
        -COALESCE(p."deliveredQuantity", 0), CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN -1 ELSE 0 END
    FROM "Pledge" p
    WHERE p."id" = OLD."pledgeId" AND p."deletedAt" IS NULL AND NOT EXISTS (
        SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = OLD."pledgeId" AND o."stakeholderId" = OLD."stakeholderId"
            AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> OLD."role");
END;

CREATE TRIGGER "PledgeStakeholder_totals_update_arrive" AFTER UPDATE ON "PledgeStakeholder"
BEGIN
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    SELECT 'carrier', NEW."stakeholderId", COALESCE(p."quantityUnit", ''), '', p."status", p."quantityQualifier",
        COALESCE(p."blockedBy", ''), 1, COALESCE(p."quantityLow", 0), COALESCE(p."quantityHigh", 0),
        COALESCE(p."deliveredQuantity", 0), CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN 1 ELSE 0 END
    FROM "Pledge" p
    WHERE NEW."role" IN ('pledger', 'lead', 'contributor') AND p."id" = NEW."pledgeId" AND p."deletedAt" IS NULL
        AND NOT EXISTS (
        SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = NEW."pledgeId" AND o."stakeholderId" = NEW."stakeholderId"
            AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> NEW."role");
    UPDATE "Pledge" SET "ledBy" = (SELECT k."ledBy" FROM "PledgeTotalsKeys" k WHERE k."id" = "Pledge"."id")
    WHERE "id" IN (OLD."pledgeId", NEW."pledgeId");
END;
