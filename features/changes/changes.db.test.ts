// The list of changes between two days on a real database, written through the app's own writers:
// each pledge that moved, what it did to the figures, and the figures' deltas, which must be the
// difference of the two days' figures as every view reads them.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { addEffects, noEffect, type FigureEffect } from "@/lib/rules/changes";
import { isoDay, parseIsoDay } from "@/lib/format";
import { WriteError } from "@/lib/write-error";
import { pledgeCategories } from "@/lib/rules/vocabulary";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { createPledge, recordPledgeStatus, recordConditionStatus, updatePledge, deletePledge } =
  await import("@/features/editing/mutations");
const { pledgeCreateSchema, pledgeStatusUpdateSchema, conditionStatusUpdateSchema, pledgePatchSchema } =
  await import("@/features/editing/schemas");
const { loadChanges, loadChangeEvents, changeLines } = await import("./index");
const { everyPledge } = await import("@/features/pledges/selection-sql");

let analyst: Principal;
let sourceId: string;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Cass Change", email: "cass@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  sourceId = (await db().source.findFirstOrThrow()).id;
  // Pledges in personnel, some held back by a condition, announced before any day the tests look at.
  const conditions = await db().condition.findMany({ where: { status: "unmet" }, orderBy: { id: "asc" } });
  const qualifiers = ["exact", "up_to", "at_least", "about"] as const;
  for (let n = 0; n < 8; n++) {
    await createPledge(
      analyst,
      pledgeCreateSchema.parse({
        title: `Changes fixture ${n}`,
        category: "force",
        announcedOn: isoDay(daysAgo(40)),
        quantityUnit: "personnel",
        quantityLow: String(1_000 * (n + 1)),
        quantityHigh: String(1_500 * (n + 1)),
        quantityQualifier: qualifiers[n % qualifiers.length],
        stakeholders: [],
        conditionIds: n % 3 === 2 ? [] : [conditions[n % conditions.length]!.id],
        sourceId,
        quote: "fixture",
      }),
    );
  }
});

const dayMs = 86_400_000;
/** A day `n` days before today (UTC). */
const daysAgo = (n: number) => parseIsoDay(isoDay(new Date(Date.now() - n * dayMs)));
const view = (since: Date, until: Date, assume: string[] = []) => ({
  since,
  until,
  metric: "personnel",
  selection: { ...everyPledge, assume },
});

const sum = (effects: FigureEffect[]) => effects.reduce(addEffects, noEffect());

/** A fixture pledge still in the totals, not yet delivered. */
async function personnelPledge() {
  return db().pledge.findFirstOrThrow({
    where: {
      deletedAt: null,
      title: { startsWith: "Changes fixture" },
      status: { in: ["committed", "in_progress", "announced"] },
    },
    orderBy: [{ quantityHigh: "desc" }, { id: "asc" }],
  });
}

describe("what changed between two days", () => {
  it("lists a withdrawal with its effect and evidence, and its figures' deltas add up", async () => {
    const pledge = await personnelPledge();
    await recordPledgeStatus(
      analyst,
      pledge.id,
      pledgeStatusUpdateSchema.parse({
        status: "withdrawn",
        note: "Withdrawn after the vote",
        version: pledge.version,
        occurredOn: isoDay(daysAgo(3)),
        sourceId,
        quote: "will no longer send troops",
      }),
    );
    const changes = await loadChanges(view(daysAgo(5), daysAgo(1)));
    const change = changes.pledges.find((p) => p.id === pledge.id)!;
    expect(change.kinds).toEqual(["withdrawn"]);
    expect(change.effect.pledged.high).toBe(-(pledge.quantityHigh ?? 0n));
    expect(changes.figures.pledged.change).toEqual(sum(changes.pledges.map((p) => p.effect)).pledged);

    const { byPledge } = await loadChangeEvents(changes, [pledge.id]);
    const [entry] = byPledge.get(pledge.id)!.statusChanges;
    expect(entry).toMatchObject({ toPledgeStatus: "withdrawn", note: "Withdrawn after the vote" });
    expect(entry!.citations.map((c) => [c.source.id, c.quote])).toEqual([
      [sourceId, "will no longer send troops"],
    ]);

    // Before the withdrawal happened, nothing of it shows.
    const earlier = await loadChanges(view(daysAgo(9), daysAgo(4)));
    expect(earlier.pledges.find((p) => p.id === pledge.id)).toBeUndefined();
  });

  it("spells out what a condition met released, and lists a deletion apart (it has no effect on any day)", async () => {
    const condition = await db().condition.findFirstOrThrow({
      where: {
        status: "unmet",
        pledges: { some: { pledge: { deletedAt: null, quantityUnit: "personnel" } } },
      },
    });
    await recordConditionStatus(
      analyst,
      condition.id,
      conditionStatusUpdateSchema.parse({
        status: "met",
        note: "Agreed",
        version: condition.version,
        occurredOn: isoDay(daysAgo(2)),
        sourceId,
        quote: "agreed to a ceasefire",
      }),
    );
    const victim = await personnelPledge();
    await deletePledge(analyst, victim.id, victim.version);

    const changes = await loadChanges(view(daysAgo(3), daysAgo(0)));
    const met = changes.conditions.find((c) => c.id === condition.id)!;
    expect(met).toMatchObject({ from: "unmet", to: "met" });
    const released = changes.pledges.filter(
      (p) =>
        p.before?.blockedBy.some((c) => c.id === condition.id) &&
        !p.after?.blockedBy.some((c) => c.id === condition.id),
    );
    expect(released.length).toBeGreaterThan(0);
    expect(met.release.released).toBeGreaterThan(0);
    expect(met.release.released).toBeLessThanOrEqual(released.length);
    expect(changes.deleted.map((d) => d.id)).toContain(victim.id);
    expect(changes.pledges.find((p) => p.id === victim.id)).toBeUndefined();
  });

  it("words a delivery in the unit the pledge had on its day, and a figure with the value it replaced", async () => {
    const pledge = await createPledge(
      analyst,
      pledgeCreateSchema.parse({
        title: "Unit fixture",
        category: "assistance",
        announcedOn: isoDay(daysAgo(30)),
        quantityUnit: "items",
        quantityLow: "500",
        quantityQualifier: "up_to",
        stakeholders: [],
        conditionIds: [],
        sourceId,
        quote: "fixture",
      }),
    );
    const evidence = { note: "unit fixture", sourceId, quote: "q" };
    const first = await updatePledge(
      analyst,
      pledge.id,
      pledgePatchSchema.parse({
        version: pledge.version,
        deliveredQuantity: "300",
        occurredOn: isoDay(daysAgo(6)),
        ...evidence,
      }),
    );
    // Later restated in another unit: the earlier delivery was still counted in items.
    await updatePledge(
      analyst,
      pledge.id,
      pledgePatchSchema.parse({
        version: first.version,
        quantityUnit: "vehicles",
        quantityLow: "40",
        quantityHigh: "40",
        quantityQualifier: "exact",
      }),
    );
    const changes = await loadChanges(view(daysAgo(8), daysAgo(0)));
    const lines = changeLines(changes, {
      pledges: changes.pledges.filter((p) => p.id === pledge.id),
      ...(await loadChangeEvents(changes, [pledge.id])),
    });
    expect(lines.pledges[0]!.events.map((e) => e.what)).toEqual([
      "Delivered: none → 300 items",
      "Pledged amount: up to 500 items → 40 vehicles",
    ]);
  });

  it("adds up, for any writes on any days, to the difference of the two days' figures", async () => {
    const pledges = await db().pledge.findMany({
      where: { deletedAt: null },
      select: { id: true },
      orderBy: [{ quantityUnit: "desc" }, { id: "asc" }],
    });
    const conditions = await db().condition.findMany({
      select: { id: true, slug: true },
      orderBy: { id: "asc" },
    });
    const write = fc.oneof(
      fc.record({
        kind: fc.constant("status" as const),
        pledge: fc.nat({ max: pledges.length - 1 }),
        status: fc.constantFrom("announced", "committed", "in_progress", "delivered", "stalled", "withdrawn"),
        day: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({
        kind: fc.constant("condition" as const),
        condition: fc.nat({ max: conditions.length - 1 }),
        status: fc.constantFrom("unmet", "partially_met", "met", "waived"),
        day: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({
        kind: fc.constant("delivery" as const),
        pledge: fc.nat({ max: pledges.length - 1 }),
        amount: fc.integer({ min: 0, max: 5_000 }),
        day: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({
        kind: fc.constant("new" as const),
        amount: fc.integer({ min: 1, max: 9_000 }),
        condition: fc.option(fc.nat({ max: conditions.length - 1 })),
        day: fc.integer({ min: 0, max: 20 }),
      }),
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 22 }),
        fc.integer({ min: 0, max: 22 }),
        fc.option(fc.nat({ max: conditions.length - 1 })),
        // A list's filter: the pledges of one category.
        fc.option(fc.constantFrom(...pledgeCategories)),
        async (writes, a, b, assumed, category) => {
          for (const w of writes) {
            const occurredOn = isoDay(daysAgo(w.day));
            const evidence = { note: "property", sourceId, quote: "q" };
            if (w.kind === "status") {
              const pledge = await db().pledge.findUniqueOrThrow({ where: { id: pledges[w.pledge]!.id } });
              if (pledge.status === w.status) continue;
              await recordPledgeStatus(
                analyst,
                pledge.id,
                pledgeStatusUpdateSchema.parse({
                  status: w.status,
                  version: pledge.version,
                  occurredOn,
                  ...evidence,
                }),
              );
            } else if (w.kind === "condition") {
              const condition = await db().condition.findUniqueOrThrow({
                where: { id: conditions[w.condition]!.id },
              });
              if (condition.status === w.status) continue;
              await recordConditionStatus(
                analyst,
                condition.id,
                conditionStatusUpdateSchema.parse({
                  status: w.status,
                  version: condition.version,
                  occurredOn,
                  ...evidence,
                }),
              );
            } else if (w.kind === "delivery") {
              const pledge = await db().pledge.findUniqueOrThrow({ where: { id: pledges[w.pledge]!.id } });
              if (!pledge.quantityUnit) continue;
              // The amount it already has is refused as no change (as a status it already has is skipped above).
              await updatePledge(
                analyst,
                pledge.id,
                pledgePatchSchema.parse({
                  version: pledge.version,
                  deliveredQuantity: String(w.amount),
                  occurredOn,
                  ...evidence,
                }),
              ).catch((error: unknown) => {
                if (!(error instanceof WriteError && error.details.fields?.deliveredQuantity)) throw error;
              });
            } else {
              await createPledge(
                analyst,
                pledgeCreateSchema.parse({
                  title: `Changes property ${created++}`,
                  category: "force",
                  announcedOn: occurredOn,
                  quantityUnit: "personnel",
                  quantityLow: String(w.amount),
                  quantityHigh: String(w.amount * 2),
                  quantityQualifier: "up_to",
                  stakeholders: [],
                  conditionIds: w.condition === null ? [] : [conditions[w.condition]!.id],
                  sourceId,
                  quote: "q",
                }),
              );
            }
          }
          const [since, until] = [daysAgo(Math.max(a, b)), daysAgo(Math.min(a, b))];
          const asked = view(since, until, assumed === null ? [] : [conditions[assumed]!.slug]);
          if (category) asked.selection.category = [category];
          const changes = await loadChanges(asked);
          if (category) {
            const ofCategory = (p: (typeof changes.pledges)[number]) =>
              (p.after ?? p.before)!.category === category;
            expect(changes.pledges.every(ofCategory)).toBe(true);
          }
          const total = sum(changes.pledges.map((p) => p.effect));
          const { figures } = changes;
          expect(total.pledged).toEqual(figures.pledged.change);
          expect(total.unconditional).toEqual(figures.unconditional.change);
          expect(total.delivered).toEqual(figures.delivered.change);
          const entered = changes.pledges.filter((p) => !p.before).length;
          const left = changes.pledges.filter((p) => !p.after).length;
          expect(figures.pledges.to - figures.pledges.from).toBe(entered - left);
          // Every listed pledge moved, and none twice.
          expect(changes.pledges.every((p) => p.kinds.length > 0)).toBe(true);
          expect(new Set(changes.pledges.map((p) => p.id)).size).toBe(changes.pledges.length);
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
