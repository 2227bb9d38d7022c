import type { PrismaClient } from "../../generated/prisma/client";
import { logUnloggedRecords } from "../../server/change-log";
import { creationEvents } from "../../server/ledger";
import type { ConditionStatus, PledgeStatus } from "../../lib/rules/vocabulary";
import {
  seedCapacityReferences,
  seedCoalitionMembers,
  seedConditions,
  seedPledges,
  seedRequirements,
  seedSources,
  seedStakeholders,
  summitDate,
  type SeedCitation,
} from "./data";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type CitationTarget =
  | { pledgeId: string }
  | { conditionId: string }
  | { requirementId: string }
  | { capacityReferenceId: string }
  | { stakeholderId: string }
  | { statusChangeId: string };

/** Seeds everything in one transaction and returns how many records of each kind the seed owns. */
export async function seedDatabase(db: PrismaClient) {
  return db.$transaction(async (tx) => {
    const sourceIds = new Map<string, string>();
    for (const { slug, ...source } of seedSources) {
      const row = await tx.source.upsert({ where: { slug }, update: {}, create: { slug, ...source } });
      sourceIds.set(slug, row.id);
    }

    const cite = async (key: string, target: CitationTarget, citations: readonly SeedCitation[]) => {
      for (const [index, { source, quote }] of citations.entries()) {
        const id = `seed-${key}-${index}`;
        await tx.citation.upsert({
          where: { id },
          update: {},
          create: { id, quote, sourceId: sourceIds.get(source)!, ...target },
        });
      }
    };

    const stakeholderIds = new Map<string, string>();
    for (const { citations, ...stakeholder } of seedStakeholders) {
      const row = await tx.stakeholder.upsert({
        where: { slug: stakeholder.slug },
        update: {},
        create: stakeholder,
      });
      stakeholderIds.set(stakeholder.slug, row.id);
      await cite(`stakeholder-${stakeholder.slug}`, { stakeholderId: row.id }, citations);
    }
    const stakeholderId = (slug: string) => {
      const id = stakeholderIds.get(slug);
      if (!id) throw new Error(`seed data names an unknown stakeholder: ${slug}`);
      return id;
    };

    for (const [coalition, members] of Object.entries(seedCoalitionMembers)) {
      for (const member of members) {
        const key = { coalitionId: stakeholderId(coalition), memberId: stakeholderId(member) };
        await tx.coalitionMember.upsert({ where: { coalitionId_memberId: key }, update: {}, create: key });
      }
    }

    const conditionIds = new Map<string, string>();
    for (const { citations, dependsOn, ...condition } of seedConditions) {
      const row = await tx.condition.upsert({
        where: { slug: condition.slug },
        update: {},
        create: {
          ...condition,
          statusDate: summitDate,
          dependsOnId: dependsOn ? stakeholderId(dependsOn) : null,
        },
      });
      conditionIds.set(condition.slug, row.id);
      await cite(`condition-${condition.slug}`, { conditionId: row.id }, citations);
      await recordInitialStatus(tx, `seed-status-condition-${condition.slug}`, {
        conditionId: row.id,
        toConditionStatus: condition.status,
      });
      await cite(
        `status-condition-${condition.slug}`,
        { statusChangeId: `seed-status-condition-${condition.slug}` },
        citations.slice(0, 1),
      );
    }

    for (const { citations, quantity, stakeholders, conditions, ...pledge } of seedPledges) {
      const row = await tx.pledge.upsert({
        where: { externalId: pledge.externalId },
        update: {},
        create: {
          ...pledge,
          announcedOn: summitDate,
          quantityLow: quantity?.low ?? null,
          quantityHigh: quantity ? (quantity.high ?? quantity.low) : null,
          quantityUnit: quantity?.unit ?? null,
          quantityQualifier: quantity?.qualifier ?? "exact",
        },
      });
      for (const { slug, role } of stakeholders) {
        const key = { pledgeId: row.id, stakeholderId: stakeholderId(slug), role };
        await tx.pledgeStakeholder.upsert({
          where: { pledgeId_stakeholderId_role: key },
          update: {},
          create: key,
        });
      }
      for (const slug of conditions) {
        const key = { pledgeId: row.id, conditionId: conditionIds.get(slug)! };
        await tx.pledgeCondition.upsert({ where: { pledgeId_conditionId: key }, update: {}, create: key });
      }
      const slug = pledge.externalId.replace(/^seed:/, "");
      // The figures as the summit reported them open the pledge's ledger (once: the ids are fixed).
      if (!(await tx.ledgerEvent.findFirst({ where: { pledgeId: row.id }, select: { id: true } }))) {
        await tx.ledgerEvent.createMany({
          data: creationEvents(row, {
            by: null,
            at: row.createdAt,
            note: "Figures as reported after the Paris summit of 6 January 2026.",
          }),
        });
      }
      await cite(`pledge-${slug}`, { pledgeId: row.id }, citations);
      await recordInitialStatus(tx, `seed-status-pledge-${slug}`, {
        pledgeId: row.id,
        toPledgeStatus: pledge.status,
      });
      await cite(
        `status-pledge-${slug}`,
        { statusChangeId: `seed-status-pledge-${slug}` },
        citations.slice(0, 1),
      );
    }

    for (const { citations, stakeholder, ...requirement } of seedRequirements) {
      const row = await tx.requirement.upsert({
        where: { slug: requirement.slug },
        update: {},
        create: { ...requirement, stakeholderId: stakeholder ? stakeholderId(stakeholder) : null },
      });
      await cite(`requirement-${requirement.slug}`, { requirementId: row.id }, citations);
    }

    for (const { citations, stakeholder, ...capacity } of seedCapacityReferences) {
      const row = await tx.capacityReference.upsert({
        where: { slug: capacity.slug },
        update: {},
        create: { ...capacity, stakeholderId: stakeholder ? stakeholderId(stakeholder) : null },
      });
      await cite(`capacity-${capacity.slug}`, { capacityReferenceId: row.id }, citations);
    }
    // The seed writes no audit: the change log hears of its records here.
    await logUnloggedRecords(tx);

    return {
      sources: seedSources.length,
      stakeholders: seedStakeholders.length,
      conditions: seedConditions.length,
      pledges: seedPledges.length,
      requirements: seedRequirements.length,
      "capacity references": seedCapacityReferences.length,
    };
  });
}

/** The status each record had when the summit reported it; history is append-only, so only once. */
async function recordInitialStatus(
  tx: Tx,
  id: string,
  change:
    | { pledgeId: string; toPledgeStatus: PledgeStatus }
    | { conditionId: string; toConditionStatus: ConditionStatus },
) {
  if (await tx.statusChange.findUnique({ where: { id }, select: { id: true } })) return;
  await tx.statusChange.create({
    data: {
      id,
      ...change,
      occurredAt: summitDate,
      note: "Status as reported after the Paris summit of 6 January 2026.",
    },
  });
}
