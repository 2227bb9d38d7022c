-- Status history is evidence: rows are only ever added.
CREATE TRIGGER "StatusChange_no_update" BEFORE UPDATE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only: record a new status change instead');
END;

CREATE TRIGGER "StatusChange_no_delete" BEFORE DELETE ON "StatusChange"
BEGIN
    SELECT RAISE(ABORT, 'StatusChange is append-only: it cannot be deleted');
END;

-- A change concerns exactly one pledge or one condition, with that subject's status columns.
CREATE TRIGGER "StatusChange_one_subject" BEFORE INSERT ON "StatusChange"
WHEN NOT (
    (NEW."pledgeId" IS NOT NULL AND NEW."conditionId" IS NULL
        AND NEW."toPledgeStatus" IS NOT NULL AND NEW."toConditionStatus" IS NULL AND NEW."fromConditionStatus" IS NULL)
    OR
    (NEW."conditionId" IS NOT NULL AND NEW."pledgeId" IS NULL
        AND NEW."toConditionStatus" IS NOT NULL AND NEW."toPledgeStatus" IS NULL AND NEW."fromPledgeStatus" IS NULL)
)
BEGIN
    SELECT RAISE(ABORT, 'StatusChange must concern exactly one pledge or one condition');
END;
