// The audit trail's CSV on a real database: analysts only, one row per field changed, filtered.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { GET } = await import("./exports/audit.csv/route");
const { updatePledge } = await import("@/features/editing/mutations");

let analyst: Record<string, string>;
let viewer: Record<string, string>;
let pledgeId: string;

beforeAll(async () => {
  analyst = await bearerHeaders("analyst");
  viewer = await bearerHeaders("viewer");
  const user = await db().user.create({
    data: { name: "Cleo Clerk", email: "cleo@example.org", role: "analyst" },
  });
  const clerk: Principal = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  const pledge = await db().pledge.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: "asc" } });
  pledgeId = pledge.id;
  await updatePledge(clerk, pledgeId, {
    version: pledge.version,
    scope: '=HYPERLINK("x")',
    title: "Renamed by Cleo",
  });
});

const get = (headers: Record<string, string>, query: string) =>
  GET(new Request(`http://localhost/api/v1/exports/audit.csv?${query}`, { headers }), routeContext({}));

describe("GET /api/v1/exports/audit.csv", () => {
  it("lists each field changed, in labels and words, for the record and person asked", async () => {
    const response = await get(analyst, `entity=Pledge&record=${pledgeId}&actor=Cleo+Clerk`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/pledgewatch-audit-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((row) => row.field).sort()).toEqual(["Scope", "Title"]);
    expect(
      rows.every(
        (row) => row.who === "Cleo Clerk" && row.action === "Edited" && row.record === "Renamed by Cleo",
      ),
    ).toBe(true);
    // A formula typed into a field is text in the file, not a formula.
    expect(rows.find((row) => row.field === "Scope")?.after).toBe('\'=HYPERLINK("x")');
  });

  it("keeps accounts' and tokens' entries for admins", async () => {
    await db().auditEntry.create({
      data: {
        actorLabel: "Erin Admin",
        action: "update",
        entityType: "User",
        entityId: "user-1",
        before: JSON.stringify({ name: "Lee", email: "lee@example.org", role: "viewer" }),
        after: JSON.stringify({ name: "Lee", email: "lee@example.org", role: "analyst" }),
      },
    });
    const read = async (headers: Record<string, string>) =>
      (await (await get(headers, "")).text()).includes("lee@example.org") ||
      (await (await get(headers, "entity=User")).text()).includes("user-1");
    expect(await read(analyst)).toBe(false);
    expect(await read(await bearerHeaders("admin"))).toBe(true);
  });

  it("is for analysts, and names a bad filter", async () => {
    expect((await get(viewer, "")).status).toBe(403);
    const bad = await get(analyst, "entity=Nothing&from=2026-02-30");
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { params: { param: string }[] } };
    expect(body.error.params.map((p) => p.param).sort()).toEqual(["entity", "from"]);
  });
});
