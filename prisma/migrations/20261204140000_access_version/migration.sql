-- Who a request's credentials stand for (an API token, or a session and its user) is looked up on
-- every request; the server keeps the answer per credential while no account, session or token has
-- been written since (server/access.ts). This second counter row, the access version, moves on each
-- such write, from any process, as the data version (row 1) does for the figures.
-- The same in PostgreSQL: prisma/postgresql/migrations/20261204140000_access_version.
INSERT INTO "DataVersion" ("id", "version") VALUES (2, 0);

CREATE TRIGGER "User_bump_access_version_insert" AFTER INSERT ON "User"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "User_bump_access_version_update" AFTER UPDATE ON "User"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "User_bump_access_version_delete" AFTER DELETE ON "User"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "Session_bump_access_version_insert" AFTER INSERT ON "Session"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "Session_bump_access_version_update" AFTER UPDATE ON "Session"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "Session_bump_access_version_delete" AFTER DELETE ON "Session"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "ApiToken_bump_access_version_insert" AFTER INSERT ON "ApiToken"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "ApiToken_bump_access_version_update" AFTER UPDATE ON "ApiToken"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;

CREATE TRIGGER "ApiToken_bump_access_version_delete" AFTER DELETE ON "ApiToken"
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
END;
