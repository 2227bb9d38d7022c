import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { citationSelect, statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { endOfDay } from "@/lib/format";
import {
  blockingConditionStatuses,
  effectiveStatus,
  settledPledgeStatuses,
  type EffectiveStatusResult,
} from "@/lib/rules/effective-status";
import {
  stakeholderRoles,
  type EffectiveStatus,
  type PledgeStatus,
  type StakeholderRole,
} from "@/lib/rules/vocabulary";
import type { PledgeFilters } from "./schemas";

export const pledgePageSize = 25;

const blocking = { some: { condition: { status: { in: [...blockingConditionStatuses] } } } };

/** The SQL side of the effective-status rule (rules/effective-status.ts), for filtering in the database. */
function effectiveStatusWhere(status: EffectiveStatus): Prisma.PledgeWhereInput {
  if (status === "conditional") {
    return { status: { notIn: [...settledPledgeStatuses] }, conditions: blocking };
  }
  if ((settledPledgeStatuses as readonly PledgeStatus[]).includes(status)) return { status };
  return { status, conditions: { none: blocking.some } };
}

export function pledgeWhere(filters: PledgeFilters): Prisma.PledgeWhereInput {
  const and: Prisma.PledgeWhereInput[] = [];
  if (filters.status.length) and.push({ status: { in: filters.status } });
  if (filters.effective.length) and.push({ OR: filters.effective.map(effectiveStatusWhere) });
  if (filters.category.length) and.push({ category: { in: filters.category } });
  if (filters.stakeholder.length) {
    and.push({ stakeholders: { some: { stakeholder: { slug: { in: filters.stakeholder } } } } });
  }
  if (filters.condition.length) {
    and.push({ conditions: { some: { condition: { slug: { in: filters.condition } } } } });
  }
  if (filters.q) {
    and.push({ OR: [{ title: { contains: filters.q } }, { description: { contains: filters.q } }] });
  }
  if (filters.from) and.push({ announcedOn: { gte: filters.from } });
  if (filters.to) and.push({ announcedOn: { lt: endOfDay(filters.to) } });
  return { AND: and };
}

/** Pledgers first, beneficiaries last: the order the roles are declared in. */
function byRole<T extends { role: StakeholderRole }>(links: T[]): T[] {
  return [...links].sort((a, b) => stakeholderRoles.indexOf(a.role) - stakeholderRoles.indexOf(b.role));
}

const listInclude = {
  stakeholders: {
    select: { role: true, stakeholder: { select: { slug: true, name: true } } },
    orderBy: { stakeholder: { name: "asc" } },
  },
  conditions: {
    select: { condition: { select: { id: true, slug: true, title: true, status: true } } },
    orderBy: { condition: { title: "asc" } },
  },
} satisfies Prisma.PledgeInclude;

type PledgeWithLinks = Prisma.PledgeGetPayload<{ include: typeof listInclude }>;

export interface PledgeListItem {
  id: string;
  title: string;
  category: PledgeWithLinks["category"];
  status: PledgeStatus;
  effective: EffectiveStatusResult;
  quantity: Pick<PledgeWithLinks, "quantityLow" | "quantityHigh" | "quantityUnit" | "quantityQualifier">;
  announcedOn: Date;
  stakeholders: { slug: string; name: string; role: PledgeWithLinks["stakeholders"][number]["role"] }[];
  conditions: {
    id: string;
    slug: string;
    title: string;
    status: PledgeWithLinks["conditions"][number]["condition"]["status"];
  }[];
}

function toListItem(pledge: PledgeWithLinks): PledgeListItem {
  const conditions = pledge.conditions.map(({ condition }) => condition);
  return {
    id: pledge.id,
    title: pledge.title,
    category: pledge.category,
    status: pledge.status,
    effective: effectiveStatus(pledge.status, conditions),
    quantity: {
      quantityLow: pledge.quantityLow,
      quantityHigh: pledge.quantityHigh,
      quantityUnit: pledge.quantityUnit,
      quantityQualifier: pledge.quantityQualifier,
    },
    announcedOn: pledge.announcedOn,
    stakeholders: byRole(pledge.stakeholders).map(({ role, stakeholder }) => ({ ...stakeholder, role })),
    conditions,
  };
}

export async function listPledges(filters: PledgeFilters) {
  const where = pledgeWhere(filters);
  const page = filters.page ?? 1;
  const [total, pledges] = await db().$transaction([
    db().pledge.count({ where }),
    db().pledge.findMany({
      where,
      include: listInclude,
      orderBy: [{ announcedOn: "desc" }, { title: "asc" }, { id: "asc" }],
      skip: (page - 1) * pledgePageSize,
      take: pledgePageSize,
    }),
  ]);
  return { rows: pledges.map(toListItem), total, page, pageSize: pledgePageSize };
}

/** The choices offered by the list's filter form. */
export async function listFilterOptions() {
  const [stakeholders, conditions] = await db().$transaction([
    db().stakeholder.findMany({
      where: { pledges: { some: {} } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().condition.findMany({ select: { slug: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  return { stakeholders, conditions };
}

/** One pledge with everything its page shows, or null when there is no such pledge (cached per request). */
export const getPledge = cache(async function getPledge(pledgeId: string) {
  const pledge = await db().pledge.findUnique({
    where: { id: pledgeId },
    include: {
      stakeholders: {
        select: {
          role: true,
          stakeholder: { select: { slug: true, name: true, kind: true, countryCode: true, stance: true } },
        },
        orderBy: { stakeholder: { name: "asc" } },
      },
      conditions: {
        select: {
          condition: {
            select: {
              id: true,
              slug: true,
              title: true,
              description: true,
              status: true,
              statusDate: true,
              dependsOn: { select: { name: true } },
            },
          },
        },
        orderBy: { condition: { title: "asc" } },
      },
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      statusChanges: { select: statusChangeSelect, orderBy: statusChangeOrder },
    },
  });
  if (!pledge) return null;
  const conditions = pledge.conditions.map(({ condition }) => condition);
  return {
    ...pledge,
    stakeholders: byRole(pledge.stakeholders),
    conditions,
    effective: effectiveStatus(pledge.status, conditions),
  };
});

export type PledgeDetail = NonNullable<Awaited<ReturnType<typeof getPledge>>>;

/** The most recently announced pledges' titles: the benchmark's baseline read. */
export async function listRecentPledgeTitles(take: number) {
  return db().pledge.findMany({ select: { id: true, title: true }, orderBy: { announcedOn: "desc" }, take });
}
