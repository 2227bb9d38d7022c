-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The single counter row.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- Every write to what the dashboard reads moves the counter (SQLite triggers run per row).
CREATE TRIGGER "Pledge_bump_data_version_insert" AFTER INSERT ON "Pledge"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Pledge_bump_data_version_update" AFTER UPDATE ON "Pledge"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Pledge_bump_data_version_delete" AFTER DELETE ON "Pledge"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Condition_bump_data_version_insert" AFTER INSERT ON "Condition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Condition_bump_data_version_update" AFTER UPDATE ON "Condition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Condition_bump_data_version_delete" AFTER DELETE ON "Condition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "StatusChange_bump_data_version_insert" AFTER INSERT ON "StatusChange"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeCondition_bump_data_version_insert" AFTER INSERT ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeCondition_bump_data_version_update" AFTER UPDATE ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeCondition_bump_data_version_delete" AFTER DELETE ON "PledgeCondition"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeStakeholder_bump_data_version_insert" AFTER INSERT ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeStakeholder_bump_data_version_update" AFTER UPDATE ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PledgeStakeholder_bump_data_version_delete" AFTER DELETE ON "PledgeStakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_insert" AFTER INSERT ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_update" AFTER UPDATE ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Stakeholder_bump_data_version_delete" AFTER DELETE ON "Stakeholder"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CoalitionMember_bump_data_version_insert" AFTER INSERT ON "CoalitionMember"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CoalitionMember_bump_data_version_update" AFTER UPDATE ON "CoalitionMember"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CoalitionMember_bump_data_version_delete" AFTER DELETE ON "CoalitionMember"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_insert" AFTER INSERT ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_update" AFTER UPDATE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Requirement_bump_data_version_delete" AFTER DELETE ON "Requirement"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_insert" AFTER INSERT ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_update" AFTER UPDATE ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "CapacityReference_bump_data_version_delete" AFTER DELETE ON "CapacityReference"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Citation_bump_data_version_insert" AFTER INSERT ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Citation_bump_data_version_update" AFTER UPDATE ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Citation_bump_data_version_delete" AFTER DELETE ON "Citation"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_insert" AFTER INSERT ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_update" AFTER UPDATE ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_bump_data_version_delete" AFTER DELETE ON "Source"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
