-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year', 'unknown');

-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN     "announcedPrecision" "DatePrecision" NOT NULL DEFAULT 'day';
