// The list's filters run in SQL; the effective-status rule runs in TypeScript. They must agree.
import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import { seededTestDatabase } from "@tests/seeded-database";
import { effectiveStatuses } from "@/lib/rules/vocabulary";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ConditionStatus, PledgeStatus } from "@/lib/rules/vocabulary";

// Every combination that matters to the rule: settled or not, blocked or not.
await seededTestDatabase(async (client) => {
  await addPledge(
    client,
    "Delivered despite unmet",
    "delivered",
    ["unmet"],
    new Date("2026-06-01T00:00:00Z"),
  );
  await addPledge(client, "Withdrawn while blocked", "withdrawn", ["partially_met"]);
  await addPledge(client, "Stalled all met", "stalled", ["met", "waived"]);
  await addPledge(client, "In progress partly met", "in_progress", ["met", "partially_met"]);
  await addPledge(client, "Committed no conditions", "committed", [], new Date("2026-03-01T00:00:00Z"));
});
const { listPledges, getPledge } = await import("./queries");
const { pledgeFiltersSchema, pledgeQueryOf } = await import("./schemas");
const { pledgeSortKeys } = await import("./index");
type PledgeSortKey = (typeof pledgeSortKeys)[number];
type PledgeListItem = Awaited<ReturnType<typeof listPledges>>["rows"][number];

const filters = (params: Record<string, string | string[]>) =>
  pledgeQueryOf(pledgeFiltersSchema.parse(params));

async function addPledge(
  client: PrismaClient,
  title: string,
  status: PledgeStatus,
  conditions: ConditionStatus[],
  dueOn?: Date,
) {
  return client.pledge.create({
    data: {
      title,
      dueOn,
      category: "other",
      status,
      announcedOn: new Date("2026-02-01T00:00:00Z"),
      conditions: {
        create: conditions.map((conditionStatus, index) => ({
          condition: {
            create: {
              slug: `${title.toLowerCase().replaceAll(" ", "-")}-${index}`,
              title: `${title} condition ${index}`,
              status: conditionStatus,
              statusDate: new Date(),
            },
          },
        })),
      },
    },
  });
}

describe("pledge filters in SQL", () => {
  it("select exactly the pledges the effective-status rule puts in each status", async () => {
    const all = await listPledges(filters({}));
    expect(all.total).toBe(14);
    for (const status of effectiveStatuses) {
      const expected = all.rows
        .filter((row) => row.effective.status === status)
        .map((row) => row.id)
        .sort();
      const selected = (await listPledges(filters({ effective: status }))).rows.map((row) => row.id).sort();
      expect(selected, status).toEqual(expected);
    }
  });

  it("combine values within a filter with OR and filters with AND", async () => {
    const either = await listPledges(filters({ category: ["force", "monitoring"] }));
    expect(either.total).toBe(3);
    const both = await listPledges(filters({ category: "force", stakeholder: "france" }));
    expect(both.rows.map((row) => row.title).sort()).toEqual([
      "Declaration of Intent to deploy forces to Ukraine",
      "Multinational deterrence force",
    ]);
    const dated = await listPledges(filters({ from: "2026-02-01", to: "2026-02-01" }));
    expect(dated.total).toBe(5);
  });

  it("pages through results in a stable order", async () => {
    const first = await listPledges(filters({}));
    expect(first).toMatchObject({ page: 1, pageSize: 25 });
    const beyond = await listPledges(filters({ page: "2" }));
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(14);
  });

  it("reads one pledge with its links, or null", async () => {
    const [force] = (await listPledges(filters({ q: "deterrence" }))).rows;
    const pledge = await getPledge(force!.id);
    expect(pledge?.stakeholders.map((s) => s.role)).toEqual(["pledger", "lead", "beneficiary"]);
    expect(pledge?.effective.blockedBy.map((c) => c.slug).sort()).toEqual([
      "ceasefire-line-agreed",
      "russia-agrees-to-ceasefire",
    ]);
    expect(await getPledge("missing")).toBeNull();
  });
});

describe("pledge lists sorted in SQL", () => {
  type Value = string | number | null;
  // What each column sorts by, read off the listed pledge as the page shows it.
  const valueOf: Record<PledgeSortKey, (row: PledgeListItem) => Value[]> = {
    title: (row) => [row.title.toLowerCase()],
    stakeholder: (row) => [row.stakeholders[0]?.name.toLowerCase() ?? null],
    quantity: (row) => [
      row.quantity.quantityUnit,
      row.quantity.quantityHigh === null ? null : Number(row.quantity.quantityHigh),
    ],
    status: (row) => [effectiveStatuses.indexOf(row.effective.status)],
    announced: (row) => [row.announcedOn.getTime()],
    due: (row) => [row.dueOn?.getTime() ?? null],
    lastChange: (row) => [row.lastChange?.getTime() ?? null],
  };
  // Empty values last in either direction; the quantity's unit always ascending (amounts compare within one).
  const compare = (a: Value[], b: Value[], dir: "asc" | "desc", key: PledgeSortKey) => {
    for (let i = 0; i < a.length; i++) {
      const [x, y] = [a[i]!, b[i]!];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const sign = x < y ? -1 : 1;
      return key === "quantity" && i === 0 ? sign : dir === "asc" ? sign : -sign;
    }
    return 0;
  };

  it.each(pledgeSortKeys.flatMap((key) => (["asc", "desc"] as const).map((dir) => [key, dir] as const)))(
    "by %s, %s: every pledge, in order, empty values last",
    async (key, dir) => {
      const { rows, total } = await listPledges(filters({ sort: key, dir, pageSize: "200" }));
      expect(rows).toHaveLength(total);
      const values = rows.map(valueOf[key]);
      const outOfOrder = values
        .slice(1)
        .flatMap((value, i) =>
          compare(values[i]!, value, dir, key) > 0 ? [`${rows[i]!.title} before ${rows[i + 1]!.title}`] : [],
        );
      expect(outOfOrder).toEqual([]);
      expect(
        new Set(values.map((value) => JSON.stringify(value))).size,
        "the column tells pledges apart",
      ).toBeGreaterThan(1);
    },
  );

  it("pages through a sort without repeating or losing a pledge, and refuses unknown columns and sizes", async () => {
    const order = { key: "status", dir: "asc" } as const;
    const selection = filters({}).selection;
    const all = (await listPledges({ selection, order, pageSize: 200 })).rows.map((row) => row.id);
    expect(all.length).toBeGreaterThan(8);
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 4); page++) {
      paged.push(...(await listPledges({ selection, order, page, pageSize: 4 })).rows.map((row) => row.id));
    }
    expect(paged).toEqual(all);
    expect(
      inEnglish(pledgeFiltersSchema.safeParse({ sort: "colour" }).error?.issues[0]?.message ?? ""),
    ).toContain("is not a known column to sort by");
    expect(inEnglish(pledgeFiltersSchema.safeParse({ pageSize: "30" }).error?.issues[0]?.message ?? "")).toBe(
      "pageSize must be one of 25, 50, 100, 200",
    );
  });
});
