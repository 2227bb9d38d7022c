// The list's filters run in SQL; the effective-status rule runs in TypeScript. They must agree.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { effectiveStatuses } from "@/lib/rules/vocabulary";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ConditionStatus, PledgeStatus } from "@/lib/rules/vocabulary";

// Every combination that matters to the rule: settled or not, blocked or not.
await seededTestDatabase(async (client) => {
  await addPledge(client, "Delivered despite unmet", "delivered", ["unmet"]);
  await addPledge(client, "Withdrawn while blocked", "withdrawn", ["partially_met"]);
  await addPledge(client, "Stalled all met", "stalled", ["met", "waived"]);
  await addPledge(client, "In progress partly met", "in_progress", ["met", "partially_met"]);
  await addPledge(client, "Committed no conditions", "committed", []);
});
const { listPledges, getPledge } = await import("./queries");
const { pledgeFiltersSchema, pledgeQueryOf } = await import("./schemas");

const filters = (params: Record<string, string | string[]>) =>
  pledgeQueryOf(pledgeFiltersSchema.parse(params));

async function addPledge(
  client: PrismaClient,
  title: string,
  status: PledgeStatus,
  conditions: ConditionStatus[],
) {
  return client.pledge.create({
    data: {
      title,
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
