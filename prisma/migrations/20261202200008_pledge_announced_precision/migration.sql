-- How precisely each pledge's announcement date is known. Added in place rather than by rebuilding
-- the table, which would drop the Pledge triggers (data_version): the column's position differs
-- from a table built from the schema, which SQLite and the drift check do not mind.
ALTER TABLE "Pledge" ADD COLUMN "announcedPrecision" TEXT NOT NULL DEFAULT 'day';
