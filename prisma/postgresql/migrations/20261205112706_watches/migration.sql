-- CreateEnum
CREATE TYPE "WatchSubject" AS ENUM ('pledge', 'condition', 'stakeholder', 'filter');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "inboxReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Watch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "subject" "WatchSubject" NOT NULL,
    "target" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_subject_target_key" ON "Watch"("userId", "subject", "target");

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
