-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ImportMapping" ("columns", "createdAt", "createdById", "id", "name", "updatedAt", "values", "version") SELECT "columns", "createdAt", "createdById", "id", "name", "updatedAt", "values", "version" FROM "ImportMapping";
DROP TABLE "ImportMapping";
ALTER TABLE "new_ImportMapping" RENAME TO "ImportMapping";
CREATE UNIQUE INDEX "ImportMapping_name_key" ON "ImportMapping"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
