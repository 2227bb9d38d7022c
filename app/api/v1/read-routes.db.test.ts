// Thousands of generated query strings against the read API's handlers, on a real database: every
// answer is a 200 or a 400 naming a parameter, never a 500.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

await seededTestDatabase();
let headers: Record<string, string> = {};
beforeAll(async () => {
  headers = await bearerHeaders("viewer");
});
/** The routes that read a view (asOf, knownAt), and every read route. */
const viewRoutes = {
  pledges: (await import("./pledges/route")).GET,
  summary: (await import("./summary/route")).GET,
  breakdown: (await import("./breakdown/route")).GET,
  csv: (await import("./exports/pledges.csv/route")).GET,
};
const routes = { ...viewRoutes, changes: (await import("./changes/route")).GET };

const names = [
  "status",
  "effective",
  "category",
  "stakeholder",
  "condition",
  "q",
  "from",
  "to",
  "asOf",
  "knownAt",
  "assume",
  "metric",
  "by",
  "page",
  "pageSize",
  "since",
  "until",
];
const values = fc.oneof(
  fc.string(),
  fc.constantFrom("committed", "conditional", "force", "france", "russia-agrees-to-ceasefire", "personnel"),
  fc.constantFrom("EUR", "stakeholder", "condition", "status", "0", "-1", "25", "1e9", "2026-02-30"),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom("2026-03-01T12:00", "2026-03-01T12:00:00+05:30", "2026-03-01T24:00:00Z"),
  fc.integer().map(String),
);
const queries = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string()), values), {
  maxLength: 6,
});

describe("read API under generated query strings", () => {
  for (const [name, handler] of Object.entries(routes)) {
    it(`${name} answers 200 or a 400 that names the parameter, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(queries, async (pairs) => {
          const query = new URLSearchParams(pairs);
          const request = new Request(`http://localhost/api/v1/${name}?${query}`, { headers });
          const response = await handler(request, routeContext({}));
          expect([200, 400], `${name}?${query}`).toContain(response.status);
          if (response.status === 400) {
            const body = (await response.json()) as {
              error: { params: { param: string; message: string }[] };
            };
            expect(body.error.params.length).toBeGreaterThan(0);
            for (const param of body.error.params) expect(param.message.length).toBeGreaterThan(0);
          } else {
            await response.arrayBuffer();
          }
        }),
        { numRuns: 250 },
      );
    }, 120_000);
  }
});

describe("dates out of range and what a signed-in reader gets back", () => {
  it.each(["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])(
    "asOf=%s answers 400 naming the range, on every read route (since= on the changes)",
    async (day) => {
      const asked = [
        ...Object.entries(viewRoutes).map(([name, handler]) => [name, handler, "asOf"] as const),
        ["changes", routes.changes, "since"] as const,
      ];
      for (const [name, handler, param] of asked) {
        const response = await handler(
          new Request(`http://localhost/api/v1/${name}?${param}=${day}`, { headers }),
          routeContext({}),
        );
        expect(response.status, name).toBe(400);
        const body = (await response.json()) as { error: { params: { param: string; message: string }[] } };
        expect(body.error.params[0]).toMatchObject({
          param,
          message: expect.stringMatching(/1900-01-01 to 2100-12-31/),
        });
      }
    },
  );

  it("marks every authenticated answer private, never to be cached", async () => {
    for (const [name, handler] of Object.entries(routes)) {
      const response = await handler(
        new Request(`http://localhost/api/v1/${name}`, { headers }),
        routeContext({}),
      );
      expect(response.headers.get("cache-control"), name).toBe("private, no-store");
      await response.arrayBuffer();
    }
  });
});
