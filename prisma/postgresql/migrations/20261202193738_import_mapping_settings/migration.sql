-- AlterTable
ALTER TABLE "ImportMapping" ADD COLUMN     "settings" TEXT NOT NULL DEFAULT '{}';
