-- The pledge list's sort keys, kept on the pledge by triggers from the rows they are read from, so
-- that every path that writes those rows (the editor, imports, the seed, restores) keeps them right
-- and sorting 10,000 pledges reads one column instead of a lookup per pledge. Columns added in place
-- rather than by rebuilding the table, which would drop the Pledge triggers (data_version).
-- The same in PL/pgSQL: prisma/postgresql/migrations/20261203163636_pledge_sort_keys.
ALTER TABLE "Pledge" ADD COLUMN "lastChangeAt" DATETIME;
ALTER TABLE "Pledge" ADD COLUMN "firstStakeholderKey" TEXT;
ALTER TABLE "Pledge" ADD COLUMN "blocked" BOOLEAN NOT NULL DEFAULT false;

-- When the pledge last changed: its latest ledger event or status change, by when it was recorded.
UPDATE "Pledge" SET "lastChangeAt" = NULLIF(MAX(
    COALESCE((SELECT MAX(e."recordedAt") FROM "LedgerEvent" e WHERE e."pledgeId" = "Pledge"."id"), ''),
    COALESCE((SELECT MAX(sc."createdAt") FROM "StatusChange" sc WHERE sc."pledgeId" = "Pledge"."id"), '')), '');

CREATE TRIGGER "LedgerEvent_pledge_last_change" AFTER INSERT ON "LedgerEvent"
BEGIN
    UPDATE "Pledge" SET "lastChangeAt" = NEW."recordedAt"
    WHERE "id" = NEW."pledgeId" AND ("lastChangeAt" IS NULL OR "lastChangeAt" < NEW."recordedAt");
END;

CREATE TRIGGER "StatusChange_pledge_last_change" AFTER INSERT ON "StatusChange"
WHEN NEW."pledgeId" IS NOT NULL
BEGIN
    UPDATE "Pledge" SET "lastChangeAt" = NEW."createdAt"
    WHERE "id" = NEW."pledgeId" AND ("lastChangeAt" IS NULL OR "lastChangeAt" < NEW."createdAt");
END;

-- Its first stakeholder as the list shows them: the least of the role's rank (in the order of
-- StakeholderRole, lib/rules/vocabulary.ts) followed by the name in lower case, so that a link added
-- only needs comparing with the key; the list sorts on the name, after the rank.
UPDATE "Pledge" SET "firstStakeholderKey" = (
        SELECT MIN(CASE ps."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name"))
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = "Pledge"."id");

CREATE TRIGGER "PledgeStakeholder_first_key_insert" AFTER INSERT ON "PledgeStakeholder"
BEGIN
    UPDATE "Pledge" SET "firstStakeholderKey" = (
        SELECT CASE NEW."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name")
        FROM "Stakeholder" s WHERE s."id" = NEW."stakeholderId")
    WHERE "id" = NEW."pledgeId" AND ("firstStakeholderKey" IS NULL OR "firstStakeholderKey" > (
        SELECT CASE NEW."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name")
        FROM "Stakeholder" s WHERE s."id" = NEW."stakeholderId"));
END;

-- A link changed or taken away, a stakeholder renamed: worked out again.
CREATE TRIGGER "PledgeStakeholder_first_key_update" AFTER UPDATE ON "PledgeStakeholder"
BEGIN
    UPDATE "Pledge" SET "firstStakeholderKey" = (
        SELECT MIN(CASE ps."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name"))
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = "Pledge"."id")
    WHERE "id" IN (OLD."pledgeId", NEW."pledgeId");
END;

CREATE TRIGGER "PledgeStakeholder_first_key_delete" AFTER DELETE ON "PledgeStakeholder"
BEGIN
    UPDATE "Pledge" SET "firstStakeholderKey" = (
        SELECT MIN(CASE ps."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name"))
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = "Pledge"."id")
    WHERE "id" = OLD."pledgeId";
END;

CREATE TRIGGER "Stakeholder_first_key_rename" AFTER UPDATE OF "name" ON "Stakeholder"
WHEN OLD."name" IS NOT NEW."name"
BEGIN
    UPDATE "Pledge" SET "firstStakeholderKey" = (
        SELECT MIN(CASE ps."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
            WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name"))
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = "Pledge"."id")
    WHERE "id" IN (SELECT "pledgeId" FROM "PledgeStakeholder" WHERE "stakeholderId" = NEW."id");
END;

-- Whether a condition of it blocks it now: unmet or partially met (blockingConditionStatuses,
-- lib/rules/effective-status.ts).
UPDATE "Pledge" SET "blocked" = EXISTS (
    SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
    WHERE pc."pledgeId" = "Pledge"."id" AND c."status" IN ('unmet', 'partially_met'));

-- Each only when it can change the answer: a blocking condition added or taken away, a condition
-- starting or ceasing to block.
CREATE TRIGGER "PledgeCondition_blocked_insert" AFTER INSERT ON "PledgeCondition"
WHEN (SELECT "status" FROM "Condition" WHERE "id" = NEW."conditionId") IN ('unmet', 'partially_met')
BEGIN
    UPDATE "Pledge" SET "blocked" = true WHERE "id" = NEW."pledgeId" AND NOT "blocked";
END;

CREATE TRIGGER "PledgeCondition_blocked_update" AFTER UPDATE ON "PledgeCondition"
BEGIN
    UPDATE "Pledge" SET "blocked" = EXISTS (
        SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = "Pledge"."id" AND c."status" IN ('unmet', 'partially_met'))
    WHERE "id" IN (OLD."pledgeId", NEW."pledgeId");
END;

CREATE TRIGGER "PledgeCondition_blocked_delete" AFTER DELETE ON "PledgeCondition"
WHEN (SELECT "status" FROM "Condition" WHERE "id" = OLD."conditionId") IN ('unmet', 'partially_met')
BEGIN
    UPDATE "Pledge" SET "blocked" = EXISTS (
        SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = "Pledge"."id" AND c."status" IN ('unmet', 'partially_met'))
    WHERE "id" = OLD."pledgeId";
END;

CREATE TRIGGER "Condition_blocked_status" AFTER UPDATE OF "status" ON "Condition"
WHEN (OLD."status" IN ('unmet', 'partially_met')) IS NOT (NEW."status" IN ('unmet', 'partially_met'))
BEGIN
    UPDATE "Pledge" SET "blocked" = EXISTS (
        SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = "Pledge"."id" AND c."status" IN ('unmet', 'partially_met'))
    WHERE "id" IN (SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."id");
END;
