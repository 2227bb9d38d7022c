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

-- Its first stakeholder as the list shows them: the least of the role's rank (in the order of
-- StakeholderRole, lib/rules/vocabulary.ts) followed by the name in lower case, compared byte by
-- byte, so that a link added only needs comparing with the key; the list sorts on the name, after
-- the rank.
CREATE FUNCTION "stakeholder_link_key"(link_role "StakeholderRole", name TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT (CASE link_role WHEN 'pledger' THEN '0' WHEN 'lead' THEN '1' WHEN 'contributor' THEN '2'
        WHEN 'host' THEN '3' WHEN 'beneficiary' THEN '4' END || lower(name)) COLLATE "C";
$$;

CREATE FUNCTION "pledge_first_stakeholder_key"(pledge TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT MIN("stakeholder_link_key"(ps."role", s."name") COLLATE "C")
    FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId" WHERE ps."pledgeId" = pledge;
$$;

UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id");

CREATE FUNCTION "pledge_stakeholders_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Stakeholder' THEN
        UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id")
        WHERE "id" IN (SELECT "pledgeId" FROM "PledgeStakeholder" WHERE "stakeholderId" = NEW."id");
    ELSIF TG_OP = 'INSERT' THEN
        -- A link added: the key, if it comes first.
        UPDATE "Pledge" p SET "firstStakeholderKey" = k.key
        FROM (SELECT "stakeholder_link_key"(NEW."role", s."name") AS key FROM "Stakeholder" s WHERE s."id" = NEW."stakeholderId") k
        WHERE p."id" = NEW."pledgeId" AND (p."firstStakeholderKey" IS NULL OR p."firstStakeholderKey" COLLATE "C" > k.key);
    ELSE
        UPDATE "Pledge" SET "firstStakeholderKey" = "pledge_first_stakeholder_key"("id")
        WHERE "id" = OLD."pledgeId" OR (TG_OP = 'UPDATE' AND "id" = NEW."pledgeId");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeStakeholder_first_key" AFTER INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    FOR EACH ROW EXECUTE FUNCTION "pledge_stakeholders_changed"();
CREATE TRIGGER "Stakeholder_first_key_rename" AFTER UPDATE OF "name" ON "Stakeholder"
    FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "pledge_stakeholders_changed"();

-- Whether a condition of it blocks it now: unmet or partially met (blockingConditionStatuses,
-- lib/rules/effective-status.ts).
CREATE FUNCTION "pledge_blocked"(pledge TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
        WHERE pc."pledgeId" = pledge AND c."status" IN ('unmet', 'partially_met'));
$$;

UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id");

-- Each only when it can change the answer: a blocking condition added or taken away, a condition
-- starting or ceasing to block.
CREATE FUNCTION "pledge_conditions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'Condition' THEN
        UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id")
        WHERE "id" IN (SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."id");
    ELSIF TG_OP = 'INSERT' THEN
        UPDATE "Pledge" SET "blocked" = true WHERE "id" = NEW."pledgeId" AND NOT "blocked"
            AND EXISTS (SELECT 1 FROM "Condition" c WHERE c."id" = NEW."conditionId" AND c."status" IN ('unmet', 'partially_met'));
    ELSE
        UPDATE "Pledge" SET "blocked" = "pledge_blocked"("id")
        WHERE "id" = OLD."pledgeId" OR (TG_OP = 'UPDATE' AND "id" = NEW."pledgeId");
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeCondition_blocked" AFTER INSERT OR UPDATE OR DELETE ON "PledgeCondition"
    FOR EACH ROW EXECUTE FUNCTION "pledge_conditions_changed"();
CREATE TRIGGER "Condition_blocked_status" AFTER UPDATE OF "status" ON "Condition"
    FOR EACH ROW WHEN ((OLD."status" IN ('unmet', 'partially_met')) IS DISTINCT FROM (NEW."status" IN ('unmet', 'partially_met')))
    EXECUTE FUNCTION "pledge_conditions_changed"();
