import { expect, test } from "@playwright/test";
import {
  breakdownResponse,
  conditionListResponse,
  pledgeListResponse,
  pledgeResponse,
  sourceListResponse,
  stakeholderListResponse,
  summaryResponse,
} from "@/features/api/schemas";

// The read API against the seeded database. Every answer is also checked against the zod schema the
// OpenAPI document is generated from.

test.describe("read API", () => {
  test("summary: the dashboard's figures as ranges, with the sources behind them", async ({ request }) => {
    const response = await request.get("/api/v1/summary?metric=personnel");
    expect(response.status()).toBe(200);
    const { data } = summaryResponse.parse(await response.json());
    expect(data.required).toEqual({ low: 50_000, high: 100_000, bound: "exact" });
    expect(data.pledged).toEqual({ low: 30_000, high: 30_000, bound: "at_most" });
    expect(data.unconditional).toEqual({ low: 0, high: 0, bound: "exact" });
    expect(data.shortfall).toEqual({ low: 20_000, high: 70_000, bound: "at_least" });
    expect(data.coverage).toEqual({ low: 0.3, high: 0.6, bound: "at_most" });
    expect(data.unconditionalCoverage).toEqual({ low: 0, high: 0, bound: "exact" });
    expect(data.capacities.find((c) => c.title.includes("British Army"))?.value).toEqual({
      low: 70_000,
      high: 70_000,
      bound: "about",
    });

    const sources = sourceListResponse.parse(await (await request.get("/api/v1/sources")).json()).data;
    const known = new Set(sources.map((source) => source.id));
    for (const id of [...data.sources.required, ...data.sources.pledged]) expect(known).toContain(id);

    const met = summaryResponse.parse(
      await (
        await request.get("/api/v1/summary?assume=russia-agrees-to-ceasefire&assume=ceasefire-line-agreed")
      ).json(),
    ).data;
    expect(met.unconditional).toEqual({ low: 30_000, high: 30_000, bound: "at_most" });
    // A metric without a requirement still has its sums; what needs the requirement is null.
    const euros = summaryResponse.parse(await (await request.get("/api/v1/summary?metric=EUR")).json()).data;
    expect(euros).toMatchObject({ unit: "EUR", required: null, shortfall: null, coverage: null });
    expect(euros.pledged).toEqual({ low: 0, high: 0, bound: "exact" });

    const before = summaryResponse.parse(await (await request.get("/api/v1/summary?asOf=2026-01-01")).json());
    expect(before.data).toMatchObject({ pledges: 0, pledged: { high: 0 } });
  });

  test("breakdowns honour the filters and add up to the summary", async ({ request }) => {
    const byStatus = breakdownResponse.parse(await (await request.get("/api/v1/breakdown?by=status")).json());
    const total = byStatus.data.reduce((sum, row) => sum + row.pledges, 0);
    expect(total).toBe(9);
    expect(byStatus.data.find((row) => row.key === "conditional")?.pledges).toBe(6);

    const france = breakdownResponse.parse(
      await (await request.get("/api/v1/breakdown?by=category&stakeholder=france")).json(),
    );
    expect(france.data.reduce((sum, row) => sum + row.pledges, 0)).toBe(3);

    const conditions = breakdownResponse.parse(
      await (await request.get("/api/v1/breakdown?by=condition")).json(),
    );
    expect(conditions.data.find((row) => row.key === "russia-agrees-to-ceasefire")).toMatchObject({
      status: "unmet",
      unlocks: { pledges: 5 },
    });
  });

  test("pledges: filtered and paged, one pledge with its history, every list", async ({ request }) => {
    const page = pledgeListResponse.parse(await (await request.get("/api/v1/pledges?pageSize=4")).json());
    expect(page).toMatchObject({ total: 9, page: 1, pageSize: 4 });
    expect(page.data).toHaveLength(4);
    const conditional = pledgeListResponse.parse(
      await (await request.get("/api/v1/pledges?effective=conditional&pageSize=50")).json(),
    );
    expect(conditional.total).toBe(6);
    expect(conditional.data.every((pledge) => pledge.blockedBy.length > 0)).toBe(true);

    const force = pledgeListResponse.parse(await (await request.get("/api/v1/pledges?q=deterrence")).json())
      .data[0]!;
    expect(force.quantity).toEqual({ low: 30_000, high: 30_000, unit: "personnel", qualifier: "up_to" });
    const one = pledgeResponse.parse(await (await request.get(`/api/v1/pledges/${force.id}`)).json()).data;
    expect(one.version).toBe(1);
    expect(one.history[0]).toMatchObject({ to: "announced" });
    expect(one.citations[0]?.quote).toContain("up to 30,000 personnel");

    const before = pledgeListResponse.parse(
      await (await request.get("/api/v1/pledges?asOf=2026-01-05")).json(),
    );
    expect(before.total).toBe(0);

    conditionListResponse.parse(await (await request.get("/api/v1/conditions")).json());
    const stakeholders = stakeholderListResponse.parse(
      await (await request.get("/api/v1/stakeholders")).json(),
    );
    expect(stakeholders.data.map((s) => s.slug)).toContain("france");
  });

  test("bad parameters answer 400 naming the parameter; unknown ids 404", async ({ request }) => {
    const cases: [string, string, RegExp][] = [
      ["/api/v1/summary?asOf=2026-02-30", "asOf", /not a calendar date/],
      ["/api/v1/summary?metric=%24EUR", "metric", /unit name/],
      ["/api/v1/summary?assume=nope", "assume", /no condition "nope"/],
      ["/api/v1/breakdown?by=colour", "by", /one of: status, category, stakeholder, lead, condition/],
      ["/api/v1/pledges?pageSize=1000", "pageSize", /at most 200/],
      ["/api/v1/pledges?status=lost", "status", /not a known lifecycle status/],
      ["/api/v1/pledges?stakeholders=france", "stakeholders", /unknown parameter/],
      ["/api/v1/exports/pledges.csv?assume=nope", "assume", /no condition "nope"/],
    ];
    for (const [url, param, message] of cases) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(400);
      const body = (await response.json()) as { error: { params: { param: string; message: string }[] } };
      expect(body.error.params[0]?.param, url).toBe(param);
      expect(body.error.params[0]?.message, url).toMatch(message);
    }
    const missing = await request.get("/api/v1/pledges/no-such-pledge");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      "no-such-pledge",
    );
  });

  test("openapi.json describes every route", async ({ request }) => {
    const document = (await (await request.get("/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/summary", "/api/v1/breakdown", "/api/v1/exports/briefing.pdf"]),
    );
  });
});
