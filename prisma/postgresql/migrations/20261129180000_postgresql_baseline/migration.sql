-- PostgreSQL's baseline: the schema that SQLite's migrations up to 20261122105430_import_mappings
-- build, written by prisma migrate diff --from-empty, plus the database's own rules as PL/pgSQL.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StakeholderKind" AS ENUM ('state', 'organisation', 'coalition', 'person');

-- CreateEnum
CREATE TYPE "PledgeCategory" AS ENUM ('force', 'monitoring', 'infrastructure', 'guarantee', 'assistance', 'enablers', 'other');

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('announced', 'committed', 'in_progress', 'delivered', 'stalled', 'withdrawn');

-- CreateEnum
CREATE TYPE "ConditionStatus" AS ENUM ('unmet', 'partially_met', 'met', 'waived');

-- CreateEnum
CREATE TYPE "QuantityQualifier" AS ENUM ('exact', 'up_to', 'at_least', 'about');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'analyst', 'admin');

-- CreateEnum
CREATE TYPE "StakeholderRole" AS ENUM ('pledger', 'lead', 'contributor', 'host', 'beneficiary');

-- CreateTable
CREATE TABLE "Stakeholder" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "StakeholderKind" NOT NULL,
    "countryCode" TEXT,
    "stance" TEXT,
    "primaryContribution" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stakeholder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoalitionMember" (
    "coalitionId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoalitionMember_pkey" PRIMARY KEY ("coalitionId","memberId")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "category" "PledgeCategory" NOT NULL,
    "quantityLow" BIGINT,
    "quantityHigh" BIGINT,
    "quantityUnit" TEXT,
    "quantityQualifier" "QuantityQualifier" NOT NULL DEFAULT 'exact',
    "deliveredQuantity" BIGINT,
    "status" "PledgeStatus" NOT NULL DEFAULT 'announced',
    "announcedOn" TIMESTAMP(3) NOT NULL,
    "dueOn" TIMESTAMP(3),
    "scope" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeStakeholder" (
    "pledgeId" TEXT NOT NULL,
    "stakeholderId" TEXT NOT NULL,
    "role" "StakeholderRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PledgeStakeholder_pkey" PRIMARY KEY ("pledgeId","stakeholderId","role")
);

-- CreateTable
CREATE TABLE "Condition" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "ConditionStatus" NOT NULL DEFAULT 'unmet',
    "statusDate" TIMESTAMP(3) NOT NULL,
    "dependsOnId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeCondition" (
    "pledgeId" TEXT NOT NULL,
    "conditionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PledgeCondition_pkey" PRIMARY KEY ("pledgeId","conditionId")
);

-- CreateTable
CREATE TABLE "StatusChange" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "fromPledgeStatus" "PledgeStatus",
    "toPledgeStatus" "PledgeStatus",
    "fromConditionStatus" "ConditionStatus",
    "toConditionStatus" "ConditionStatus",
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "recordedBy" TEXT,
    "recordedById" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "QuantityQualifier" NOT NULL DEFAULT 'exact',
    "scope" TEXT,
    "stakeholderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapacityReference" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "low" BIGINT NOT NULL,
    "high" BIGINT NOT NULL,
    "qualifier" "QuantityQualifier" NOT NULL DEFAULT 'exact',
    "stakeholderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacityReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedOn" TIMESTAMP(3),
    "url" TEXT,
    "fileName" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "pledgeId" TEXT,
    "conditionId" TEXT,
    "requirementId" TEXT,
    "capacityReferenceId" TEXT,
    "stakeholderId" TEXT,
    "statusChangeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorTokenId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "version" INTEGER,
    "note" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
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

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_occurredAt_idx" ON "AuditEntry"("entityType", "entityId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_occurredAt_idx" ON "AuditEntry"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEntry_actorUserId_idx" ON "AuditEntry"("actorUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_name_key" ON "ImportMapping"("name");

-- AddForeignKey
ALTER TABLE "CoalitionMember" ADD CONSTRAINT "CoalitionMember_coalitionId_fkey" FOREIGN KEY ("coalitionId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoalitionMember" ADD CONSTRAINT "CoalitionMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeStakeholder" ADD CONSTRAINT "PledgeStakeholder_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeStakeholder" ADD CONSTRAINT "PledgeStakeholder_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_dependsOnId_fkey" FOREIGN KEY ("dependsOnId") REFERENCES "Stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeCondition" ADD CONSTRAINT "PledgeCondition_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeCondition" ADD CONSTRAINT "PledgeCondition_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityReference" ADD CONSTRAINT "CapacityReference_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_capacityReferenceId_fkey" FOREIGN KEY ("capacityReferenceId") REFERENCES "CapacityReference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_stakeholderId_fkey" FOREIGN KEY ("stakeholderId") REFERENCES "Stakeholder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorTokenId_fkey" FOREIGN KEY ("actorTokenId") REFERENCES "ApiToken"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The single counter row.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

-- Status history and the audit trail are evidence: rows are only ever added.
CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'raise_exception';
END;
$$;

CREATE TRIGGER "StatusChange_no_update" BEFORE UPDATE ON "StatusChange"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('StatusChange is append-only: record a new status change instead');
CREATE TRIGGER "StatusChange_no_delete" BEFORE DELETE ON "StatusChange"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('StatusChange is append-only: it cannot be deleted');
CREATE TRIGGER "StatusChange_no_truncate" BEFORE TRUNCATE ON "StatusChange"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('StatusChange is append-only: it cannot be deleted');
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('AuditEntry is append-only');
CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change"('AuditEntry is append-only: it cannot be deleted');
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"('AuditEntry is append-only: it cannot be deleted');

-- A change concerns exactly one pledge or one condition, with that subject's status columns.
CREATE FUNCTION "status_change_one_subject"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (
        (NEW."pledgeId" IS NOT NULL AND NEW."conditionId" IS NULL
            AND NEW."toPledgeStatus" IS NOT NULL AND NEW."toConditionStatus" IS NULL AND NEW."fromConditionStatus" IS NULL)
        OR
        (NEW."conditionId" IS NOT NULL AND NEW."pledgeId" IS NULL
            AND NEW."toConditionStatus" IS NOT NULL AND NEW."toPledgeStatus" IS NULL AND NEW."fromPledgeStatus" IS NULL)
    ) THEN
        RAISE EXCEPTION 'StatusChange must concern exactly one pledge or one condition';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "StatusChange_one_subject" BEFORE INSERT ON "StatusChange"
    FOR EACH ROW EXECUTE FUNCTION "status_change_one_subject"();

-- Every write to what the dashboard reads moves the counter, once per transaction and at its commit:
-- the triggers are deferred, so the counter row is locked only while committing, and writers do not
-- queue behind each other's whole transactions (an import's, say). Readers still never see the new
-- number before the new data, both being committed together.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('pledgewatch.data_version_bumped', true) IS DISTINCT FROM 'yes' THEN
        UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
        -- Local to this transaction: the next one bumps again.
        PERFORM set_config('pledgewatch.data_version_bumped', 'yes', true);
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "StatusChange_bump_data_version" AFTER INSERT ON "StatusChange"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Pledge_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Pledge_bump_data_version_truncate" AFTER TRUNCATE ON "Pledge"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Condition_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Condition"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Condition_bump_data_version_truncate" AFTER TRUNCATE ON "Condition"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "PledgeCondition_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PledgeCondition"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PledgeCondition_bump_data_version_truncate" AFTER TRUNCATE ON "PledgeCondition"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "PledgeStakeholder_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PledgeStakeholder"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "PledgeStakeholder_bump_data_version_truncate" AFTER TRUNCATE ON "PledgeStakeholder"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Stakeholder_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Stakeholder"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Stakeholder_bump_data_version_truncate" AFTER TRUNCATE ON "Stakeholder"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "CoalitionMember_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CoalitionMember"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "CoalitionMember_bump_data_version_truncate" AFTER TRUNCATE ON "CoalitionMember"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Requirement_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Requirement"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Requirement_bump_data_version_truncate" AFTER TRUNCATE ON "Requirement"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "CapacityReference_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CapacityReference"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "CapacityReference_bump_data_version_truncate" AFTER TRUNCATE ON "CapacityReference"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Citation_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Citation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Citation_bump_data_version_truncate" AFTER TRUNCATE ON "Citation"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
CREATE CONSTRAINT TRIGGER "Source_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Source"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_version"();
CREATE TRIGGER "Source_bump_data_version_truncate" AFTER TRUNCATE ON "Source"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
