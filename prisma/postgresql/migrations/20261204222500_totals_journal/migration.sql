-- The present-day totals as a journal of signed additions (FigureDelta), kept by triggers from the
-- pledges and their links whichever path writes them: as prisma/migrations/20261204222500_totals_journal
-- says, in PL/pgSQL. Writers only add rows (summing it up replaces them), so they never wait on each
-- other's journal rows; a link's trigger locks its pledge first, so that a pledge changed and a link
-- added at once are journalled one after the other, each with what the other left.
CREATE TABLE "FigureDelta" (
    "id" SERIAL NOT NULL,
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
    "version" INTEGER,

    CONSTRAINT "FigureDelta_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "FigureDelta_version_idx" ON "FigureDelta"("version");

-- The journal's epoch: moved each time it is summed up (its rows replaced), so that a server
-- reading it a few rows at a time knows to read it whole again.
INSERT INTO "DataVersion" ("id", "version") VALUES (3, 0);

-- Rows are read after the last data version a server read. Ids are drawn as rows are added, in no
-- order of commit; so each transaction's rows are stamped with the data version it commits as, at
-- its commit, where the counter's row lock makes commits take turns: a version seen means every
-- earlier one is visible too. The counter's bump, once per transaction, shared with that trigger.
CREATE FUNCTION "bump_data_version_once"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.data_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
        -- Local to this transaction: the next one bumps again.
        PERFORM set_config('pledgewatch.data_version_bumped', 'yes', true);
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bump_data_version_once"();
    RETURN NULL;
END;
$$;

-- Once per transaction (it fires for each row added, at the commit, when every row is in).
CREATE FUNCTION "stamp_figure_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.figures_stamped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM "bump_data_version_once"();
        UPDATE "FigureDelta" SET "version" = (SELECT "version" FROM "DataVersion" WHERE "id" = 1) WHERE "version" IS NULL;
        PERFORM set_config('pledgewatch.figures_stamped', 'yes', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "FigureDelta_stamp" AFTER INSERT ON "FigureDelta" DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW."version" IS NULL) EXECUTE FUNCTION "stamp_figure_deltas"();

-- The pledge's blocking conditions replace the flag of whether there are any (blocked = blockedBy
-- IS NOT NULL).
DROP TRIGGER "PledgeCondition_blocked" ON "PledgeCondition";
DROP TRIGGER "Condition_blocked_status" ON "Condition";
DROP FUNCTION "pledge_conditions_changed"();
DROP FUNCTION "pledge_blocked"(TEXT);
ALTER TABLE "Pledge" DROP COLUMN "blocked",
ADD COLUMN     "blockedBy" TEXT,
ADD COLUMN     "ledBy" TEXT;

-- The ids of its conditions unmet or partially met (blockingConditionStatuses,
-- lib/rules/effective-status.ts) in order, or null.
CREATE FUNCTION "pledge_blocked_by"(pledge TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT string_agg(pc."conditionId", ',' ORDER BY pc."conditionId" COLLATE "C")
    FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
    WHERE pc."pledgeId" = pledge AND c."status" IN ('unmet', 'partially_met');
$$;

-- leadAttribution (lib/rules/figures.ts): the one stakeholder named lead; with no lead, its one
-- carrier (pledger, lead or contributor); otherwise null, "no single lead".
CREATE FUNCTION "pledge_led_by"(pledge TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT CASE
            WHEN COUNT(DISTINCT CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) = 1
                THEN MAX(CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END)
            WHEN COUNT(DISTINCT CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) = 0
                AND COUNT(DISTINCT ps."stakeholderId") = 1 THEN MAX(ps."stakeholderId") END
    FROM "PledgeStakeholder" ps
    WHERE ps."pledgeId" = pledge AND ps."role" IN ('pledger', 'lead', 'contributor');
$$;

UPDATE "Pledge" SET "blockedBy" = "pledge_blocked_by"("id"), "ledBy" = "pledge_led_by"("id");

-- The pledges locked first, and worked out in a statement of its own: an UPDATE's snapshot is taken
-- before it waits for a row, so a condition changed by a transaction it waited for would be missed.
CREATE FUNCTION "pledge_conditions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pledges TEXT[];
BEGIN
    IF TG_TABLE_NAME = 'Condition' THEN
        pledges := ARRAY(SELECT "pledgeId" FROM "PledgeCondition" WHERE "conditionId" = NEW."id");
    ELSIF TG_OP = 'INSERT' THEN
        pledges := ARRAY[NEW."pledgeId"];
    ELSIF TG_OP = 'DELETE' THEN
        pledges := ARRAY[OLD."pledgeId"];
    ELSE
        pledges := ARRAY[OLD."pledgeId", NEW."pledgeId"];
    END IF;
    PERFORM 1 FROM "Pledge" WHERE "id" = ANY(pledges) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "Pledge" SET "blockedBy" = "pledge_blocked_by"("id") WHERE "id" = ANY(pledges);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeCondition_blocked_by" AFTER INSERT OR UPDATE OR DELETE ON "PledgeCondition"
    FOR EACH ROW EXECUTE FUNCTION "pledge_conditions_changed"();
CREATE TRIGGER "Condition_blocked_by_status" AFTER UPDATE OF "status" ON "Condition"
    FOR EACH ROW WHEN ((OLD."status" IN ('unmet', 'partially_met')) IS DISTINCT FROM (NEW."status" IN ('unmet', 'partially_met')))
    EXECUTE FUNCTION "pledge_conditions_changed"();

-- A pledge's figures under one key, added (sign 1) or taken away (-1); a deleted pledge counts for no one.
CREATE FUNCTION "journal_figures"(p "Pledge", sign INTEGER, kind TEXT, stakeholder TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p."deletedAt" IS NOT NULL THEN RETURN; END IF;
    INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
        "count", "low", "high", "delivered", "deliveredAbove")
    VALUES (kind, stakeholder, COALESCE(p."quantityUnit", ''), CASE WHEN kind = 'pledge' THEN CAST(p."category" AS TEXT) ELSE '' END,
        CAST(p."status" AS TEXT), CAST(p."quantityQualifier" AS TEXT), COALESCE(p."blockedBy", ''), sign,
        sign * COALESCE(p."quantityLow", 0), sign * COALESCE(p."quantityHigh", 0), sign * COALESCE(p."deliveredQuantity", 0),
        CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN sign ELSE 0 END);
END;
$$;

-- Every key a pledge counts for: by category, for its lead, for each stakeholder carrying it.
CREATE FUNCTION "journal_pledge"(p "Pledge", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    carrier TEXT;
BEGIN
    PERFORM "journal_figures"(p, sign, 'pledge', '');
    PERFORM "journal_figures"(p, sign, 'lead', COALESCE(p."ledBy", ''));
    FOR carrier IN SELECT DISTINCT "stakeholderId" FROM "PledgeStakeholder"
        WHERE "pledgeId" = p."id" AND "role" IN ('pledger', 'lead', 'contributor')
    LOOP
        PERFORM "journal_figures"(p, sign, 'carrier', carrier);
    END LOOP;
END;
$$;

INSERT INTO "FigureDelta" ("kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy",
    "count", "low", "high", "delivered", "deliveredAbove", "version")
SELECT k."kind", k."stakeholderId", COALESCE(p."quantityUnit", ''), CASE WHEN k."kind" = 'pledge' THEN CAST(p."category" AS TEXT) ELSE '' END,
    CAST(p."status" AS TEXT), CAST(p."quantityQualifier" AS TEXT), COALESCE(p."blockedBy", ''), 1, COALESCE(p."quantityLow", 0),
    COALESCE(p."quantityHigh", 0), COALESCE(p."deliveredQuantity", 0),
    CASE WHEN p."deliveredQuantity" > p."quantityHigh" THEN 1 ELSE 0 END,
    (SELECT "version" FROM "DataVersion" WHERE "id" = 1)
FROM "Pledge" p JOIN (
    SELECT "id" AS "pledgeId", 'pledge' AS "kind", '' AS "stakeholderId" FROM "Pledge"
    UNION ALL SELECT "id", 'lead', COALESCE("ledBy", '') FROM "Pledge"
    UNION ALL SELECT DISTINCT "pledgeId", 'carrier', "stakeholderId" FROM "PledgeStakeholder"
        WHERE "role" IN ('pledger', 'lead', 'contributor')
) k ON k."pledgeId" = p."id"
WHERE p."deletedAt" IS NULL;

-- A pledge added, changed or deleted (before: its links are still there to say whom it counted
-- for): its old figures taken away, its new ones added. Only when something the totals read changed.
CREATE FUNCTION "pledge_totals_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "journal_pledge"(NEW, 1);
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "journal_pledge"(OLD, -1);
        RETURN OLD;
    END IF;
    IF (OLD."status", OLD."quantityUnit", OLD."category", OLD."quantityQualifier", OLD."quantityLow", OLD."quantityHigh",
            OLD."deliveredQuantity", OLD."deletedAt" IS NULL, OLD."blockedBy", OLD."ledBy")
        IS DISTINCT FROM (NEW."status", NEW."quantityUnit", NEW."category", NEW."quantityQualifier", NEW."quantityLow",
            NEW."quantityHigh", NEW."deliveredQuantity", NEW."deletedAt" IS NULL, NEW."blockedBy", NEW."ledBy") THEN
        PERFORM "journal_pledge"(OLD, -1);
        PERFORM "journal_pledge"(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Pledge_totals" AFTER INSERT OR UPDATE OF "status", "quantityUnit", "category", "quantityQualifier",
    "quantityLow", "quantityHigh", "deliveredQuantity", "deletedAt", "blockedBy", "ledBy" ON "Pledge"
    FOR EACH ROW EXECUTE FUNCTION "pledge_totals_changed"();
CREATE TRIGGER "Pledge_totals_delete" BEFORE DELETE ON "Pledge"
    FOR EACH ROW EXECUTE FUNCTION "pledge_totals_changed"();

-- A stakeholder starting or ceasing to carry a pledge (its first or last carrying role on it):
-- that stakeholder's totals gain or lose the pledge. Before each row: the rows this statement
-- wrote before it are seen, as SQLite sees them (after it, a statement's every row would be, and two
-- roles of one stakeholder added at once would each find the other). An update is the old link
-- leaving and the new one arriving. The pledge is locked first, as an update of it locks it, so
-- that a link and a change of the pledge at once are journalled one after the other.
CREATE FUNCTION "pledge_carrier_journal"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    p "Pledge";
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."role" IN ('pledger', 'lead', 'contributor') THEN
        SELECT * INTO p FROM "Pledge" WHERE "id" = OLD."pledgeId" FOR NO KEY UPDATE;
        IF FOUND AND NOT EXISTS (
            SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = OLD."pledgeId" AND o."stakeholderId" = OLD."stakeholderId"
                AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> OLD."role") THEN
            PERFORM "journal_figures"(p, -1, 'carrier', OLD."stakeholderId");
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."role" IN ('pledger', 'lead', 'contributor') THEN
        SELECT * INTO p FROM "Pledge" WHERE "id" = NEW."pledgeId" FOR NO KEY UPDATE;
        -- Another of its carrying roles on the pledge, other than the row being changed.
        IF FOUND AND NOT EXISTS (
            SELECT 1 FROM "PledgeStakeholder" o WHERE o."pledgeId" = NEW."pledgeId" AND o."stakeholderId" = NEW."stakeholderId"
                AND o."role" IN ('pledger', 'lead', 'contributor') AND o."role" <> NEW."role"
                AND (TG_OP = 'INSERT' OR (o."pledgeId", o."stakeholderId", o."role") <> (OLD."pledgeId", OLD."stakeholderId", OLD."role"))) THEN
            PERFORM "journal_figures"(p, 1, 'carrier', NEW."stakeholderId");
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- ledBy follows every link written, moving the lead's figures (the pledge's own trigger).
CREATE FUNCTION "pledge_lead_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pledges TEXT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        pledges := ARRAY[NEW."pledgeId"];
    ELSIF TG_OP = 'DELETE' THEN
        pledges := ARRAY[OLD."pledgeId"];
    ELSE
        pledges := ARRAY[OLD."pledgeId", NEW."pledgeId"];
    END IF;
    PERFORM 1 FROM "Pledge" WHERE "id" = ANY(pledges) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "Pledge" SET "ledBy" = "pledge_led_by"("id") WHERE "id" = ANY(pledges);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "PledgeStakeholder_totals" BEFORE INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    FOR EACH ROW EXECUTE FUNCTION "pledge_carrier_journal"();
CREATE TRIGGER "PledgeStakeholder_lead" AFTER INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    FOR EACH ROW EXECUTE FUNCTION "pledge_lead_changed"();
