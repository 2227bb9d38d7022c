-- The past's version (DataVersion row 4): moved by every write that can change the figures of a day
-- before today, as prisma/migrations/20261204233000_past_version says; here once per transaction and
-- at its commit, as the data version is, so that writers do not queue behind each other for it.
INSERT INTO "DataVersion" ("id", "version") VALUES (4, 0);

CREATE FUNCTION "bump_past_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.past_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 4;
        -- Local to this transaction: the next one bumps again.
        PERFORM set_config('pledgewatch.past_version_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END;
$$;

-- Dated before today (the UTC day).
CREATE CONSTRAINT TRIGGER "StatusChange_past_version" AFTER INSERT ON "StatusChange"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW."occurredAt" < date_trunc('day', now() AT TIME ZONE 'UTC'))
    EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "LedgerEvent_past_version_insert" AFTER INSERT ON "LedgerEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW."occurredOn" < date_trunc('day', now() AT TIME ZONE 'UTC'))
    EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "LedgerEvent_past_version_change" AFTER UPDATE OR DELETE ON "LedgerEvent"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_past_version"();
CREATE CONSTRAINT TRIGGER "Pledge_past_version_insert" AFTER INSERT ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW."announcedOn" < date_trunc('day', now() AT TIME ZONE 'UTC'))
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
