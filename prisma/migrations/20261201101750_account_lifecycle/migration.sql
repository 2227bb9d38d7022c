-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivatedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "lastSignInAt" DATETIME;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "expiresAt" DATETIME;
