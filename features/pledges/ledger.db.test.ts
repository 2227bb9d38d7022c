// The ledger rebuilt in SQL (selection-sql.ts) against the reference replay in TypeScript
// (lib/rules/ledger.ts), on a real database; and a delivery dated in the past, seen through the list.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { figuresAt, ledgerFacts, type LedgerEventLike } from "@/lib/rules/ledger";
import { quantityQualifiers } from "@/lib/rules/vocabulary";
import type { ViewTime } from "@/lib/view-time";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { viewBound, pledgesAt } = await import("./selection-sql");
const { listPledges } = await import("./queries");
const { everyPledge } = await import("./selection-sql");

const day = 86_400_000;
const start = Date.parse("2026-01-06T00:00:00Z");

/**
 * A pledge announced on `start` with `events` in its ledger, written straight to the database; its
 * row holds the latest figures, as every writer keeps it.
 */
async function pledgeWithEvents(id: string, events: Omit<LedgerEventLike, "pledgeId">[]) {
  const latest = figuresAt(
    events.map((event) => ({ ...event, pledgeId: id })),
    null,
  ).get(id);
  await db().pledge.create({
    data: {
      id,
      title: `Ledger ${id}`,
      category: "other",
      announcedOn: new Date(start),
      createdAt: new Date(start),
      ...latest,
      quantityQualifier: latest?.quantityQualifier ?? "exact",
      ledgerEvents: { create: events.map((event) => ({ ...event, note: "property test" })) },
    },
  });
}

type Figures = {
  id: string;
  low: unknown;
  high: unknown;
  unit: string | null;
  delivered: unknown;
  qualifier: string;
};

async function sqlFigures(time: ViewTime, ids: string[]) {
  const rows = await db().$queryRaw<Figures[]>`
    WITH ${pledgesAt(viewBound(time), everyPledge)}
    SELECT pl."id", pl.low, pl.high, pl.unit, pl.delivered, pl.qualifier FROM pl WHERE pl."id" IN (${Prisma.join(ids)})`;
  return new Map(rows.map((row) => [row.id, row]));
}

const amount = (value: unknown) => (value === null || value === undefined ? null : BigInt(value as bigint));

const event = fc.record({
  fact: fc.constantFrom(...ledgerFacts),
  day: fc.integer({ min: 0, max: 60 }),
  recordedSecond: fc.integer({ min: 0, max: 100 }),
  low: fc.bigInt({ min: 0n, max: 100_000n }),
  delivered: fc.option(fc.bigInt({ min: 0n, max: 100_000n })),
  unit: fc.constantFrom("personnel", "EUR", "items"),
  qualifier: fc.constantFrom(...quantityQualifiers),
});

describe("the ledger in SQL", () => {
  it("rebuilds, on any date and as known at any moment, the figures the replay in TypeScript gives", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 70 })),
        // The announcement may since have moved earlier than the creation events.
        fc.integer({ min: 0, max: 10 }),
        // As known at a moment among the drawn events' recording (or everything recorded).
        fc.option(fc.integer({ min: -1, max: 101 })),
        async (drawn, boundDay, createdDay, knownSecond) => {
          const pledgeId = `ledger-property-${run++}`;
          // The creation events come first, dated the announcement; then the drawn ones.
          const events: LedgerEventLike[] = [
            ...ledgerFacts.map((fact, i) => ({
              id: `${pledgeId}-c${i}`,
              pledgeId,
              fact,
              occurredOn: new Date(start + createdDay * day),
              recordedAt: new Date(start),
              quantityQualifier: "exact" as const,
            })),
            ...drawn.map((e, i) => ({
              id: `${pledgeId}-e${i}`,
              pledgeId,
              fact: e.fact,
              occurredOn: new Date(start + e.day * day),
              recordedAt: new Date(start + 100 * day + e.recordedSecond * 1000),
              ...(e.fact === "stated"
                ? {
                    quantityLow: e.low,
                    quantityHigh: e.low * 2n,
                    quantityUnit: e.unit,
                    quantityQualifier: e.qualifier,
                  }
                : e.fact === "delivered"
                  ? { deliveredQuantity: e.delivered }
                  : { dueOn: new Date(start + e.day * day) }),
            })),
          ];
          await pledgeWithEvents(
            pledgeId,
            events.map((e) => {
              const { pledgeId: owner, ...rest } = e;
              expect(owner).toBe(pledgeId);
              return rest;
            }),
          );
          const asOf = boundDay === null ? undefined : new Date(start + boundDay * day);
          const knownAt = knownSecond === null ? undefined : new Date(start + 100 * day + knownSecond * 1000);
          const expected = figuresAt(events, asOf ? new Date(asOf.getTime() + day) : null, knownAt).get(
            pledgeId,
          )!;
          const row = (await sqlFigures({ asOf, knownAt }, [pledgeId])).get(pledgeId)!;
          expect({
            low: amount(row.low),
            high: amount(row.high),
            unit: row.unit,
            delivered: amount(row.delivered),
            qualifier: row.qualifier,
          }).toEqual({
            low: expected.quantityLow ?? null,
            high: expected.quantityHigh ?? null,
            unit: expected.quantityUnit ?? null,
            delivered: expected.deliveredQuantity ?? null,
            qualifier: expected.quantityQualifier,
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("a delivery dated before it was recorded", () => {
  it("counts from its date: in April's view, not in February's; today's view has it", async () => {
    const id = "ledger-delivery";
    await db().pledge.create({
      data: {
        id,
        title: "Ledger delivery",
        category: "other",
        announcedOn: new Date("2026-01-06"),
        quantityUnit: "items",
        quantityLow: 10_000n,
        quantityHigh: 10_000n,
        deliveredQuantity: 5_000n,
        ledgerEvents: {
          create: [
            ...ledgerFacts.map((fact) => ({
              fact,
              occurredOn: new Date("2026-01-06"),
              note: "created",
              ...(fact === "stated"
                ? { quantityUnit: "items", quantityLow: 10_000n, quantityHigh: 10_000n }
                : {}),
            })),
            // Recorded today, as happened on 15 March.
            {
              fact: "delivered",
              deliveredQuantity: 5_000n,
              occurredOn: new Date("2026-03-15"),
              note: "delivered",
            },
          ],
        },
      },
    });
    const delivered = async (asOf?: string) => {
      const { rows } = await listPledges({
        selection: { ...everyPledge, q: "Ledger delivery" },
        time: asOf ? { asOf: new Date(asOf) } : {},
      });
      return rows.find((row) => row.id === id)?.delivered;
    };
    expect(await delivered("2026-02-28")).toBeNull();
    expect(await delivered("2026-03-14")).toBeNull();
    expect(await delivered("2026-03-15")).toBe(5_000n);
    expect(await delivered("2026-04-30")).toBe(5_000n);
    expect(await delivered()).toBe(5_000n);
  });
});
