import type { PrismaClient } from "@/generated/prisma/client";
import { blockingConditionStatuses } from "@/lib/rules/effective-status";
import { stakeholderRoles } from "@/lib/rules/vocabulary";

const rank = (role: string) => stakeholderRoles.indexOf(role as (typeof stakeholderRoles)[number]);

const carrying = ["pledger", "lead", "contributor"];

/** The one stakeholder named lead; with none, the one carrying it; else no one. */
function ledBy(links: { role: string; stakeholderId: string }[]) {
  const leads = new Set(links.filter((l) => l.role === "lead").map((l) => l.stakeholderId));
  const carriers = new Set(links.filter((l) => carrying.includes(l.role)).map((l) => l.stakeholderId));
  if (leads.size === 1) return [...leads][0];
  if (leads.size === 0 && carriers.size === 1) return [...carriers][0];
  return null;
}

/**
 * Each pledge whose sort keys (kept by triggers: migrations 20261203163636_pledge_sort_keys and
 * 20261204222500_totals_journal) differ
 * from what its rows say, worked out here in TypeScript from those rows: its last event recorded, its
 * first stakeholder as the list shows them, the conditions blocking it by the rule, and the
 * stakeholder its totals by lead count for (leadAttribution in lib/rules/figures.ts).
 */
export async function sortKeyDrift(client: PrismaClient) {
  const pledges = await client.pledge.findMany({
    select: {
      id: true,
      title: true,
      lastChangeAt: true,
      firstStakeholderKey: true,
      blockedBy: true,
      ledBy: true,
      ledgerEvents: { select: { recordedAt: true } },
      statusChanges: { select: { createdAt: true } },
      stakeholders: { select: { role: true, stakeholderId: true, stakeholder: { select: { name: true } } } },
      conditions: { select: { conditionId: true, condition: { select: { status: true } } } },
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
      blockedBy:
        pledge.conditions
          .filter(({ condition }) =>
            (blockingConditionStatuses as readonly string[]).includes(condition.status),
          )
          .map(({ conditionId }) => conditionId)
          .sort()
          .join(",") || null,
      ledBy: ledBy(pledge.stakeholders),
    };
    const stored = {
      lastChangeAt: pledge.lastChangeAt?.getTime() ?? null,
      firstStakeholderKey: pledge.firstStakeholderKey?.toLowerCase() ?? null,
      blockedBy: pledge.blockedBy,
      ledBy: pledge.ledBy,
    };
    return (Object.keys(expected) as (keyof typeof expected)[])
      .filter((key) => expected[key] !== stored[key])
      .map((key) => ({ pledge: pledge.title, key, stored: stored[key], expected: expected[key] }));
  });
}
