-- Who a request's credentials stand for (an API token, or a session and its user) is looked up on
-- every request; the server keeps the answer per credential while no account, session or token has
-- been written since (server/access.ts). This second counter row, the access version, moves on each
-- such write, from any process, as the data version (row 1) does for the figures.
-- The same in SQLite: prisma/migrations/20261204140000_access_version.
INSERT INTO "DataVersion" ("id", "version") VALUES (2, 0);

CREATE FUNCTION "bump_access_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 2;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "User_bump_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();

CREATE TRIGGER "Session_bump_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Session"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();

CREATE TRIGGER "ApiToken_bump_access_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ApiToken"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_access_version"();
