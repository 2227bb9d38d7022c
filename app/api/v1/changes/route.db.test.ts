// GET /api/v1/changes on a real database: its answer matches the documented schema, spells out what
// a condition met released, carries each event's evidence, pages the pledges, and refuses a bad
// period with a message naming the parameter.
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";
import { isoDay } from "@/lib/format";
import type { Principal } from "@/lib/access";

const { db } = await seededTestDatabase();
const { GET } = await import("./route");
const { changesResponse, changeLogResponse } = await import("@/features/api/schemas");
const { recordConditionStatus, recordPledgeStatus, updatePledge } =
  await import("@/features/editing/mutations");
const { conditionStatusUpdateSchema, pledgeStatusUpdateSchema, pledgePatchSchema } =
  await import("@/features/editing/schemas");

const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));
let headers: Record<string, string> = {};
let condition: { id: string; slug: string; title: string };
let deliveredPledge: string;
let sourceId: string;

beforeAll(async () => {
  headers = await bearerHeaders("viewer");
  const user = await db().user.create({
    data: { name: "Ada Api", email: "ada@example.org", role: "analyst" },
  });
  const analyst: Principal = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  const source = await db().source.findFirstOrThrow();
  sourceId = source.id;
  // The seed's ceasefire, which alone holds back several pledges.
  const blocking = await db().condition.findUniqueOrThrow({ where: { slug: "russia-agrees-to-ceasefire" } });
  condition = blocking;
  await recordConditionStatus(
    analyst,
    blocking.id,
    conditionStatusUpdateSchema.parse({
      status: "met",
      note: "The ceasefire holds",
      version: blocking.version,
      occurredOn: daysAgo(2),
      sourceId,
      quote: "the ceasefire was signed",
    }),
  );
  const other = await db().pledge.findFirstOrThrow({
    where: { deletedAt: null, quantityUnit: null, status: { not: "withdrawn" } },
    orderBy: { id: "asc" },
  });
  await recordPledgeStatus(
    analyst,
    other.id,
    pledgeStatusUpdateSchema.parse({
      status: "stalled",
      note: "Stalled in parliament",
      version: other.version,
      occurredOn: daysAgo(1),
      sourceId,
      quote: "the bill stalled",
    }),
  );
  const personnel = await db().pledge.findFirstOrThrow({
    where: { deletedAt: null, quantityUnit: "personnel" },
    orderBy: { id: "asc" },
  });
  deliveredPledge = personnel.id;
  await updatePledge(
    analyst,
    personnel.id,
    pledgePatchSchema.parse({
      version: personnel.version,
      deliveredQuantity: "1200",
      occurredOn: daysAgo(1),
      note: "First rotation",
      sourceId,
      quote: "1,200 arrived",
    }),
  );
});

async function get(query: string) {
  const response = await GET(
    new Request(`http://localhost/api/v1/changes?${query}`, { headers }),
    routeContext({}),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/v1/changes", () => {
  it("answers the documented shape: the condition met in words, each event with its evidence", async () => {
    const { status, body } = await get(`since=${daysAgo(3)}`);
    expect(status).toBe(200);
    const answer = changesResponse.parse(body);
    // Today, the default (the day may have turned since the request).
    expect([daysAgo(0), daysAgo(1)]).toContain(answer.data.until);
    const met = answer.data.conditions.find((c) => c.id === condition.id)!;
    expect(met).toMatchObject({ from: "unmet", to: "met" });
    expect(met.summary).toMatch(
      new RegExp(
        `^${condition.title} → met: \\d+ pledges? no longer conditional, (unconditional \\+[\\d,]+ personnel|no change to the unconditional total in personnel)$`,
      ),
    );
    expect(met.events[0]!.citations).toEqual([
      { quote: "the ceasefire was signed", source: expect.objectContaining({ id: sourceId }) },
    ]);

    const delivered = answer.data.pledges.find((p) => p.id === deliveredPledge)!;
    expect(delivered.kinds).toContain("figures");
    expect(delivered.effect.delivered).toEqual({ low: 1200, high: 1200 });
    const delivery = delivered.events.find((e) => e.kind === "delivered")!;
    expect(delivery).toMatchObject({ to: 1200, unit: "personnel", note: "First rotation" });
    expect(delivery.citations[0]!.quote).toBe("1,200 arrived");

    // The pledges' effects add up to the headline deltas.
    const sum = answer.data.pledges.reduce((total, p) => total + p.effect.delivered.high, 0);
    expect(answer.data.figures.delivered.change).toEqual({ low: sum, high: sum });
    expect(answer.total).toBe(answer.data.pledges.length);
  });

  it("pages the pledges that moved, largest effect first", async () => {
    const all = changesResponse.parse((await get(`since=${daysAgo(3)}`)).body);
    expect(all.total).toBeGreaterThan(1);
    const second = changesResponse.parse((await get(`since=${daysAgo(3)}&pageSize=1&page=2`)).body);
    expect(second.data.pledges.map((p) => p.id)).toEqual([all.data.pledges[1]!.id]);
    expect(second.total).toBe(all.total);
    // Largest first: the sizes of the effects never grow down the list.
    const size = (p: (typeof all.data.pledges)[number]) =>
      Object.values(p.effect).reduce((sum, change) => sum + Math.abs(change.high), 0);
    const sizes = all.data.pledges.map(size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it("has nothing to list in a period before the writes", async () => {
    const { body } = await get(`since=${daysAgo(30)}&until=${daysAgo(10)}`);
    const answer = changesResponse.parse(body);
    expect(answer.data.pledges.filter((p) => p.id === deliveredPledge)).toEqual([]);
    expect(answer.data.conditions.filter((c) => c.id === condition.id)).toEqual([]);
  });

  it.each([
    ["", "since"],
    [`since=${daysAgo(1)}&until=${daysAgo(3)}`, "until"],
    [`since=${daysAgo(3)}&assume=no-such-condition`, "assume"],
    ["since=2026-02-30", "since"],
  ])("refuses %s naming %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect((body as { error: { params: { param: string }[] } }).error.params[0]!.param).toBe(param);
  });

  it("reads the change log from a cursor, page by page, to its end (the incremental sync)", async () => {
    const seen: string[] = [];
    let cursor = "0";
    for (let pages = 0; ; pages++) {
      const { status, body } = await get(`cursor=${cursor}&limit=5`);
      expect(status).toBe(200);
      const page = changeLogResponse.parse(body);
      seen.push(...page.data.map((entry) => entry.cursor));
      cursor = page.next;
      if (!page.more) break;
      expect(pages).toBeLessThan(100);
    }
    // Every change once, in order; the condition met is there, with the condition as it stands.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await db().changeLog.count());
    const { body } = await get(`cursor=0&limit=200`);
    const all = changeLogResponse.parse(body);
    const met = all.data.find(
      (entry) => entry.type === "condition.status_changed" && entry.id === condition.id,
    );
    expect(met?.record).toMatchObject({ slug: condition.slug, status: "met" });
    expect(changeLogResponse.parse((await get(`cursor=${cursor}`)).body)).toEqual({
      data: [],
      next: cursor,
      more: false,
    });
  });

  it.each([
    ["cursor=yesterday", "cursor"],
    ["cursor=9999999999.1", "cursor"],
    ["cursor=0&limit=0", "limit"],
    ["cursor=0&limit=5000", "limit"],
    [`cursor=0&since=${daysAgo(3)}`, "since"],
  ])("refuses %s naming %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect((body as { error: { params: { param: string }[] } }).error.params[0]!.param).toBe(param);
  });
});
