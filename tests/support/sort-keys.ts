import type { PrismaClient } from "@/generated/prisma/client";
import { blockingConditionStatuses } from "@/lib/rules/effective-status";
import { stakeholderRoles } from "@/lib/rules/vocabulary";

const rank = (role: string) => stakeholderRoles.indexOf(role as (typeof stakeholderRoles)[number]);

/**
 * Each pledge whose sort keys (kept by triggers: migrations 20261203163636_pledge_sort_keys) differ
 * from what its rows say, worked out here in TypeScript from those rows: its last event recorded, its
 * first stakeholder as the list shows them, whether a condition blocks it by the rule.
 */
export async function sortKeyDrift(client: PrismaClient) {
  const pledges = await client.pledge.findMany({
    select: {
      id: true,
      title: true,
      lastChangeAt: true,
      firstStakeholderKey: true,
      blocked: true,
      ledgerEvents: { select: { recordedAt: true } },
      statusChanges: { select: { createdAt: true } },
      stakeholders: { select: { role: true, stakeholder: { select: { name: true } } } },
      conditions: { select: { condition: { select: { status: true } } } },
    },
  });
  return pledges.flatMap((pledge) => {
    const times = [
      ...pledge.ledgerEvents.map((e) => e.recordedAt.getTime()),
      ...pledge.statusChanges.map((c) => c.createdAt.getTime()),
    ];
    // The role's rank, then the name: the least such key is the stakeholder the list shows first.
    const [first] = pledge.stakeholders
      .map((link) => `${rank(link.role)}${link.stakeholder.name.toLowerCase()}`)
      .sort();
    const expected = {
      lastChangeAt: times.length ? Math.max(...times) : null,
      // Case aside: SQLite's lower() folds ASCII letters only.
      firstStakeholderKey: first ?? null,
      blocked: pledge.conditions.some(({ condition }) =>
        (blockingConditionStatuses as readonly string[]).includes(condition.status),
      ),
    };
    const stored = {
      lastChangeAt: pledge.lastChangeAt?.getTime() ?? null,
      firstStakeholderKey: pledge.firstStakeholderKey?.toLowerCase() ?? null,
      blocked: pledge.blocked,
    };
    return (Object.keys(expected) as (keyof typeof expected)[])
      .filter((key) => expected[key] !== stored[key])
      .map((key) => ({ pledge: pledge.title, key, stored: stored[key], expected: expected[key] }));
  });
}
