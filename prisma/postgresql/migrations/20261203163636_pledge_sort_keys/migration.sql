-- The pledge list's sort keys, kept on the pledge by triggers from the rows they are read from, so
-- that every path that writes those rows (the editor, imports, the seed, restores) keeps them right
-- and sorting 10,000 pledges reads one column instead of a lookup per pledge.
-- The same in SQLite: prisma/migrations/20261203163636_pledge_sort_keys.
ALTER TABLE "Pledge" ADD COLUMN "blocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "firstStakeholderKey" TEXT,
ADD COLUMN "lastChangeAt" TIMESTAMP(3);

-- When the pledge last changed: its latest ledger event or status change, by when it was recorded.
UPDATE "Pledge" SET "lastChangeAt" = GREATEST(
    (SELECT MAX(e."recordedAt") FROM "LedgerEvent" e WHERE e."pledgeId" = "Pledge"."id"),
    (SELECT MAX(sc."createdAt") FROM "StatusChange" sc WHERE sc."pledgeId" = "Pledge"."id"));

-- (A function each: PL/pgSQL cannot name a column the row it was given may not have.)
CREATE FUNCTION "ledger_event_changes_pledge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Pledge" SET "lastChangeAt" = NEW."recordedAt"
    WHERE "id" = NEW."pledgeId" AND ("lastChangeAt" IS NULL OR "lastChangeAt" < NEW."recordedAt");
    RETURN NULL;
END;
$$;

CREATE FUNCTION "status_change_changes_pledge"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Pledge" SET "lastChangeAt" = NEW."createdAt"
    WHERE "id" = NEW."pledgeId" AND ("lastChangeAt" IS NULL OR "lastChangeAt" < NEW."createdAt");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "LedgerEvent_pledge_last_change" AFTER INSERT ON "LedgerEvent"
    FOR EACH ROW EXECUTE FUNCTION "ledger_event_changes_pledge"();
CREATE TRIGGER "StatusChange_pledge_last_change" AFTER INSERT ON "StatusChange"
    FOR EACH ROW WHEN (NEW."pledgeId" IS NOT NULL) EXECUTE FUNCTION "status_change_changes_pledge"();

-- Its first stakeholder as the list shows them: the least role (in the order of StakeholderRole,
-- lib/rules/vocabulary.ts), then the least name in lower case, compared byte by byte.
CREATE FUNCTION "pledge_first_stakeholder_key"(pledge TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT substr(MIN((CASE ps."role" WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
        WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(s."name")) COLLATE "C"), 2)
    FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = pledge;
$$;

UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id");

CREATE FUNCTION "pledge_stakeholders_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Stakeholder' THEN
        UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id")
        WHERE "id" IN (SELECT "pledgeId" FROM "PledgeStakeholder" WHERE "stakeholderId" = NEW."id");
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id") WHERE "id" = OLD."pledgeId";
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id") WHERE "id" = NEW."pledgeId";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeStakeholder_first_key" AFTER INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    FOR EACH ROW EXECUTE FUNCTION "pledge_stakeholders_changed"();
CREATE TRIGGER "Stakeholder_first_key_rename" AFTER UPDATE OF "name" ON "Stakeholder"
    FOR EACH ROW EXECUTE FUNCTION "pledge_stakeholders_changed"();

-- Whether a condition of it blocks it now: unmet or partially met (blockingConditionStatuses,
-- lib/rules/effective-status.ts).
CREATE FUNCTION "pledge_blocked"(pledge TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = pledge AND c."status" IN ('unmet', 'partially_met'));
$$;

UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id");

CREATE FUNCTION "pledge_conditions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Condition' THEN
        UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id")
        WHERE "id" IN (SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."id");
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id") WHERE "id" = OLD."pledgeId";
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id") WHERE "id" = NEW."pledgeId";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeCondition_blocked" AFTER INSERT OR UPDATE OR DELETE ON "PledgeCondition"
    FOR EACH ROW EXECUTE FUNCTION "pledge_conditions_changed"();
CREATE TRIGGER "Condition_blocked_status" AFTER UPDATE OF "status" ON "Condition"
    FOR EACH ROW EXECUTE FUNCTION "pledge_conditions_changed"();
