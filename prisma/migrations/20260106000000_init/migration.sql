-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryCode" TEXT,
    "stance" TEXT,
    "primaryContribution" TEXT,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CoalitionMember" (
    "coalitionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("coalitionId", "memberId"),
    CONSTRAINT "CoalitionMember_coalitionId_fkey" FOREIGN KEY ("coalitionId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoalitionMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT NOT NULL,
    "quantityLow" BIGINT,
    "quantityHigh" BIGINT,
    "quantityUnit" TEXT,
    "quantityQualifier" TEXT NOT NULL DEFAULT 'exact',
    "deliveredQuantity" BIGINT,
    "status" TEXT NOT NULL DEFAULT 'announced',
    "announcedOn" DATETIME NOT NULL,
    "dueOn" DATETIME,
    "scope" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PledgeStakeholder" (
    "pledgeId" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("pledgeId", "stakeholderId", "role"),
    CONSTRAINT "PledgeStakeholder_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PledgeStakeholder_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Condition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unmet',
    "statusDate" DATETIME NOT NULL,
    "dependsOnId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Condition_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PledgeCondition" (
    "pledgeId" TEXT NOT NULL,
    "conditionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("pledgeId", "conditionId"),
    CONSTRAINT "PledgeCondition_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PledgeCondition_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "fromPledgeStatus" TEXT,
    "toPledgeStatus" TEXT,
    "fromConditionStatus" TEXT,
    "toConditionStatus" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "recordedBy" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StatusChange_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusChange_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "scope" TEXT,
    "stakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Requirement_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CapacityReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',
    "stakeholderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityReference_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedOn" DATETIME,
    "url" TEXT,
    "fileName" TEXT,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "requirementId" TEXT,
    "capacityReferenceId" TEXT,
    "stakeholderId" TEXT,
    "statusChangeId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_capacityReferenceId_fkey" FOREIGN KEY ("capacityReferenceId") REFERENCES "CapacityReference" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Stakeholder_slug_key" ON "Stakeholder"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Stakeholder_name_key" ON "Stakeholder"("name");

-- CreateIndex
CREATE INDEX "Stakeholder_kind_idx" ON "Stakeholder"("kind");

-- CreateIndex
CREATE INDEX "CoalitionMember_memberId_idx" ON "CoalitionMember"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_externalId_key" ON "Pledge"("externalId");

-- CreateIndex
CREATE INDEX "Pledge_status_idx" ON "Pledge"("status");

-- CreateIndex
CREATE INDEX "Pledge_category_idx" ON "Pledge"("category");

-- CreateIndex
CREATE INDEX "Pledge_quantityUnit_idx" ON "Pledge"("quantityUnit");

-- CreateIndex
CREATE INDEX "Pledge_announcedOn_idx" ON "Pledge"("announcedOn");

-- CreateIndex
CREATE INDEX "PledgeStakeholder_stakeholderId_role_idx" ON "PledgeStakeholder"("stakeholderId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Condition_slug_key" ON "Condition"("slug");

-- CreateIndex
CREATE INDEX "Condition_status_idx" ON "Condition"("status");

-- CreateIndex
CREATE INDEX "Condition_dependsOnId_idx" ON "Condition"("dependsOnId");

-- CreateIndex
CREATE INDEX "PledgeCondition_conditionId_idx" ON "PledgeCondition"("conditionId");

-- CreateIndex
CREATE INDEX "StatusChange_pledgeId_occurredAt_idx" ON "StatusChange"("pledgeId", "occurredAt");

-- CreateIndex
CREATE INDEX "StatusChange_conditionId_occurredAt_idx" ON "StatusChange"("conditionId", "occurredAt");

-- CreateIndex
CREATE INDEX "StatusChange_occurredAt_idx" ON "StatusChange"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Requirement_slug_key" ON "Requirement"("slug");

-- CreateIndex
CREATE INDEX "Requirement_unit_idx" ON "Requirement"("unit");

-- CreateIndex
CREATE UNIQUE INDEX "CapacityReference_slug_key" ON "CapacityReference"("slug");

-- CreateIndex
CREATE INDEX "CapacityReference_unit_idx" ON "CapacityReference"("unit");

-- CreateIndex
CREATE INDEX "CapacityReference_stakeholderId_idx" ON "CapacityReference"("stakeholderId");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_pledgeId_idx" ON "Citation"("pledgeId");

-- CreateIndex
CREATE INDEX "Citation_conditionId_idx" ON "Citation"("conditionId");

-- CreateIndex
CREATE INDEX "Citation_requirementId_idx" ON "Citation"("requirementId");

-- CreateIndex
CREATE INDEX "Citation_capacityReferenceId_idx" ON "Citation"("capacityReferenceId");

-- CreateIndex
CREATE INDEX "Citation_stakeholderId_idx" ON "Citation"("stakeholderId");

-- CreateIndex
CREATE INDEX "Citation_statusChangeId_idx" ON "Citation"("statusChangeId");

