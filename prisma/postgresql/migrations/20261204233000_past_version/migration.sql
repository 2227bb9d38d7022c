-- The past's version (DataVersion row 4): moved by every write that can change the figures of a day
-- before today, as prisma/migrations/20261204233000_past_version says; here once per transaction and
-- at its commit, as the data version is, so that writers do not queue behind each other for it.
INSERT INTO "DataVersion" ("id", "version") VALUES (4, 0);

CREATE FUNCTION "bump_past_version_once"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.past_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
        -- Local to this transaction: the next one bumps again.
        PERFORM set_config('pledgewatch.past_version_bumped', 'yes', true);
    END IF;
END;
$$;

CREATE FUNCTION "bump_past_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bump_past_version_once"();
    RETURN NULL;
END;
$$;

-- "Today": the UTC day of 15 minutes from now (the SQLite migration says why).
CREATE FUNCTION "past_day_ends"() RETURNS TIMESTAMP(3) LANGUAGE sql VOLATILE AS $$
    SELECT date_trunc('day', (clock_timestamp() + interval '15 minutes') AT TIME ZONE 'UTC');
$$;

-- A status change or ledger event dated before today, or the first of its subject (or fact) dated
-- before it: checked as the transaction commits, when all its rows are in.
CREATE FUNCTION "past_event_added"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ends TIMESTAMP(3) := "past_day_ends"();
BEGIN
    -- Moved already (an import's first pledge did): nothing to look up for its other rows.
    IF current_setting('pledgewatch.past_version_bumped', true) = 'yes' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'StatusChange' THEN
        IF NEW."occurredAt" < ends
            OR (NEW."pledgeId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc
                WHERE sc."pledgeId" = NEW."pledgeId" AND sc."occurredAt" < ends AND sc."id" <> NEW."id"))
            OR (NEW."conditionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StatusChange" sc
                WHERE sc."conditionId" = NEW."conditionId" AND sc."occurredAt" < ends AND sc."id" <> NEW."id")) THEN
            PERFORM "bump_past_version_once"();
        END IF;
    ELSIF NEW."occurredOn" < ends OR NOT EXISTS (SELECT 1 FROM "LedgerEvent" e
            WHERE e."pledgeId" = NEW."pledgeId" AND e."fact" = NEW."fact" AND e."occurredOn" < ends AND e."id" <> NEW."id") THEN
        PERFORM "bump_past_version_once"();
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "StatusChange_past_version" AFTER INSERT ON "StatusChange"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "past_event_added"();
CREATE CONSTRAINT TRIGGER "LedgerEvent_past_version_insert" AFTER INSERT ON "LedgerEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "past_event_added"();
CREATE CONSTRAINT TRIGGER "LedgerEvent_past_version_change" AFTER UPDATE OR DELETE ON "LedgerEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Pledge_past_version_insert" AFTER INSERT ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW."announcedOn" < "past_day_ends"())
    EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Pledge_past_version_update" AFTER UPDATE ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD."category", OLD."quantityQualifier", OLD."announcedOn", OLD."deletedAt", OLD."createdAt", OLD."title", OLD."description")
        IS DISTINCT FROM (NEW."category", NEW."quantityQualifier", NEW."announcedOn", NEW."deletedAt", NEW."createdAt", NEW."title", NEW."description"))
    EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Pledge_past_version_delete" AFTER DELETE ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "PledgeStakeholder_past_version" AFTER INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "PledgeCondition_past_version" AFTER INSERT OR UPDATE OR DELETE ON "PledgeCondition"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
-- A condition's status follows its status changes (dated); its other columns are read as they are.
CREATE CONSTRAINT TRIGGER "Condition_past_version_insert" AFTER INSERT OR DELETE ON "Condition"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Condition_past_version_update" AFTER UPDATE ON "Condition"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN ((OLD."slug", OLD."createdAt") IS DISTINCT FROM (NEW."slug", NEW."createdAt"))
    EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Requirement_past_version" AFTER INSERT OR UPDATE OR DELETE ON "Requirement"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Stakeholder_past_version_slug" AFTER UPDATE ON "Stakeholder"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."slug" IS DISTINCT FROM NEW."slug")
    EXECUTE FUNCTION "bump_past_version"();
