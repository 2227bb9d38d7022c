// The API's write routes on a real database: who may write, thousands of generated bodies
// (only 400/404/409/422 with a message, or 200 for a body that is valid), and lost updates.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { pledgeCreateSchema, pledgePatchSchema, pledgeStatusUpdateSchema } from "@/features/editing/schemas";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";
import { writeBody } from "@tests/write-payloads";

const { db } = await seededTestDatabase();
const pledgeRoute = await import("./pledges/[pledgeId]/route");
const pledgesRoute = await import("./pledges/route");
const statusRoute = await import("./pledges/[pledgeId]/status/route");

let analyst: Record<string, string>;
let viewer: Record<string, string>;
let pledgeId: string;
let sourceId: string;

beforeAll(async () => {
  analyst = await bearerHeaders("analyst");
  viewer = await bearerHeaders("viewer");
  pledgeId = (await db().pledge.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  sourceId = (await db().source.findFirstOrThrow()).id;
});

const url = (path: string) => `http://localhost/api/v1/pledges/${pledgeId}${path}`;
const json = (headers: Record<string, string>, body: unknown, method = "POST") =>
  new Request(url(method === "PATCH" ? "" : "/status"), {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const currentVersion = async () => (await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).version;
const patch = (request: Request) => pledgeRoute.PATCH(request, routeContext({ pledgeId }));
const create = (headers: Record<string, string>, body: unknown) =>
  pledgesRoute.POST(
    new Request("http://localhost/api/v1/pledges", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    routeContext({}),
  );
const postStatus = (request: Request) => statusRoute.POST(request, routeContext({ pledgeId }));

describe("who may write", () => {
  it("answers 401 without credentials and 403 to a viewer", async () => {
    expect((await postStatus(json({}, { status: "stalled" }))).status).toBe(401);
    expect((await patch(json(viewer, { version: 1, title: "x" }, "PATCH"))).status).toBe(403);
  });

  it("with PUBLIC_READ, lets anonymous callers read but never write", async () => {
    process.env.PUBLIC_READ = "true";
    try {
      const read = await pledgeRoute.GET(new Request(url("")), routeContext({ pledgeId }));
      expect(read.status).toBe(200);
      expect((await patch(json({}, { version: 1, title: "x" }, "PATCH"))).status).toBe(401);
    } finally {
      delete process.env.PUBLIC_READ;
    }
    expect((await pledgeRoute.GET(new Request(url("")), routeContext({ pledgeId }))).status).toBe(401);
  });
});

describe("status updates over the API", () => {
  it("refuses a change without a note or a source with 422 naming the field", async () => {
    const version = await currentVersion();
    const noSource = await postStatus(json(analyst, { status: "stalled", note: "n", version }));
    expect(noSource.status).toBe(422);
    expect(JSON.stringify(await noSource.json())).toContain("sourceId");
    const noNote = await postStatus(json(analyst, { status: "stalled", version, sourceId }));
    expect(noNote.status).toBe(422);
  });

  it("answers 400 to a body that is not JSON", async () => {
    expect((await postStatus(json(analyst, "{not json"))).status).toBe(400);
  });

  it("lets exactly one of 20 simultaneous updates from one version through; the rest get 409 with the record", async () => {
    const version = await currentVersion();
    const status =
      (await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status === "stalled"
        ? "committed"
        : "stalled";
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postStatus(json(analyst, { status, note: `attempt ${i}`, version, sourceId })),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = (await answers.find((a) => a.status === 409)!.json()) as {
      current: { version: number };
    };
    expect(conflict.current.version).toBe(version + 1);
    expect(await currentVersion()).toBe(version + 1);
  });
});

describe("deliveries over the API", () => {
  it("refuses a delivered quantity without its note and source, naming both, and evidence without a delivery", async () => {
    const version = await currentVersion();
    const bare = await patch(json(analyst, { version, deliveredQuantity: "10" }, "PATCH"));
    expect(bare.status).toBe(422);
    const params = ((await bare.json()) as { error: { params: { param: string }[] } }).error.params.map(
      (p) => p.param,
    );
    expect(params).toEqual(expect.arrayContaining(["note", "sourceId"]));
    const stray = await patch(json(analyst, { version, title: "Renamed", note: "why" }, "PATCH"));
    expect(stray.status).toBe(422);
    const cited = await patch(
      json(
        analyst,
        { version, deliveredQuantity: "10", note: "First batch", sourceId, occurredOn: "2026-03-01" },
        "PATCH",
      ),
    );
    expect(cited.status).toBe(200);
  });

  it("adds deliveredIncrement to the total, and refuses it together with deliveredQuantity", async () => {
    const version = await currentVersion();
    const before = (await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).deliveredQuantity ?? 0n;
    const evidence = { note: "Another batch", sourceId };
    const both = await patch(
      json(analyst, { version, deliveredQuantity: "10", deliveredIncrement: "5", ...evidence }, "PATCH"),
    );
    expect(both.status).toBe(422);
    const added = await patch(json(analyst, { version, deliveredIncrement: "5", ...evidence }, "PATCH"));
    expect(added.status).toBe(200);
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).deliveredQuantity).toBe(
      before + 5n,
    );
  });
});

describe("edits over the API, merged field by field", () => {
  it("applies one PATCH per field sent together from one version; 50 of one field: one wins, 49 get 409 naming it", async () => {
    const version = await currentVersion();
    const fields = [
      { title: "API merge title" },
      { scope: "API merge scope" },
      { description: "API merge description" },
      { externalId: "api-merge-1" },
    ];
    const each = await Promise.all(fields.map((body) => patch(json(analyst, { version, ...body }, "PATCH"))));
    expect(each.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
      ...Object.assign({}, ...fields),
      version: version + 4,
    });

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        patch(json(analyst, { version: version + 4, scope: `Scope ${i}` }, "PATCH")),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const refused = (await answers.find((a) => a.status === 409)!.json()) as {
      conflicts: { field: string; label: string; base: string; mine: string; theirs: string }[];
      current: { version: number };
    };
    expect(refused.conflicts).toEqual([
      expect.objectContaining({ field: "scope", label: "Scope", base: "API merge scope" }),
    ]);
    expect(refused.conflicts[0]!.mine).not.toBe(refused.conflicts[0]!.theirs);
    expect(refused.current.version).toBe(version + 5);
  });
});

describe("POST /api/v1/pledges", () => {
  const pledge = {
    title: "API pledge with evidence",
    category: "force",
    quantityUnit: "personnel",
    quantityLow: "1,500",
    quantityHigh: "1,500",
    quantityQualifier: "up_to",
    announcedOn: "2026-02-01",
    stakeholders: [],
    conditionIds: [],
  };

  it("adds a pledge whose source is cited by the pledge, its first figures and its first history entry", async () => {
    const response = await create(analyst, {
      ...pledge,
      note: "Announced at the defence ministers' meeting",
      source: { title: "Ministers' communiqué", url: "https://example.org/communique", quote: "up to 1,500" },
    });
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as {
      data: { id: string; citations: unknown[]; history: unknown[] };
    };
    expect(response.headers.get("location")).toBe(`/api/v1/pledges/${data.id}`);
    const citations = await db().citation.findMany({
      where: {
        OR: [
          { pledgeId: data.id },
          { statusChange: { pledgeId: data.id } },
          { ledgerEvent: { pledgeId: data.id } },
        ],
      },
      include: { source: true, statusChange: true, ledgerEvent: true },
    });
    expect(citations.map((c) => c.source.title)).toEqual(Array(3).fill("Ministers' communiqué"));
    expect(citations.every((c) => c.quote === "up to 1,500")).toBe(true);
    expect(citations.find((c) => c.statusChange)?.statusChange).toMatchObject({
      toPledgeStatus: "announced",
      note: "Announced at the defence ministers' meeting",
    });
    expect(citations.find((c) => c.ledgerEvent)?.ledgerEvent).toMatchObject({
      fact: "stated",
      quantityHigh: 1500n,
    });
    // The answer says the same: the pledge's evidence, and its first entry's, with their sources.
    const cited = {
      quote: "up to 1,500",
      source: {
        id: citations[0]!.sourceId,
        title: "Ministers' communiqué",
        url: "https://example.org/communique",
      },
    };
    expect(data.citations).toEqual([cited]);
    expect(data.history).toEqual([
      {
        occurredAt: expect.any(String),
        from: null,
        to: "announced",
        note: "Announced at the defence ministers' meeting",
        recordedBy: expect.any(String),
        citations: [cited],
      },
    ]);
    // A status change's answer lists the history newest first, each entry with its own evidence.
    const changed = await statusRoute.POST(
      new Request(`http://localhost/api/v1/pledges/${data.id}/status`, {
        method: "POST",
        headers: { ...analyst, "content-type": "application/json" },
        body: JSON.stringify({
          status: "stalled",
          version: 1,
          note: "Stalled at the summit",
          sourceId: cited.source.id,
          quote: "on hold",
        }),
      }),
      routeContext({ pledgeId: data.id }),
    );
    expect(changed.status).toBe(200);
    const after = ((await changed.json()) as { data: typeof data }).data;
    expect(after.citations).toEqual([cited]);
    expect(after.history).toEqual([
      expect.objectContaining({
        from: "announced",
        to: "stalled",
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        citations: [{ ...cited, quote: "on hold" }],
      }),
      expect.objectContaining({ from: null, to: "announced", citations: [cited] }),
    ]);
  });

  it("refuses a pledge without evidence, naming the field, and saves nothing", async () => {
    const before = await db().pledge.count();
    const response = await create(analyst, pledge);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { params: { param: string; message: string }[] } };
    expect(body.error.params).toEqual([expect.objectContaining({ param: "sourceId" })]);
    expect(await create(analyst, { ...pledge, sourceId: "no-such-source" })).toHaveProperty("status", 422);
    expect(await db().pledge.count()).toBe(before);
  });

  it("is for analysts", async () => {
    expect((await create(viewer, { ...pledge, sourceId })).status).toBe(403);
  });

  it("refuses an external id another pledge has, naming the field, and saves nothing", async () => {
    const cited = { ...pledge, sourceId, quote: "up to 1,500", externalId: "api-unique-1" };
    expect((await create(analyst, cited)).status).toBe(201);
    const before = await db().pledge.count();
    const again = await create(analyst, { ...cited, title: "Another pledge, same external id" });
    expect(again.status).toBe(422);
    const body = (await again.json()) as { error: { params: { param: string }[] } };
    expect(body.error.params.map((p) => p.param)).toContain("externalId");
    expect(await db().pledge.count()).toBe(before);
  });
});

const bodies = fc.oneof(writeBody(), fc.jsonValue());

describe("generated bodies", () => {
  for (const [name, send, schema] of [
    ["POST /pledges", (body: unknown) => create(analyst, body), pledgeCreateSchema],
    ["PATCH /pledges/{id}", (body: unknown) => patch(json(analyst, body, "PATCH")), pledgePatchSchema],
    [
      "POST /pledges/{id}/status",
      (body: unknown) => postStatus(json(analyst, body)),
      pledgeStatusUpdateSchema,
    ],
  ] as const) {
    it(`${name} answers 400, 409 or 422 with a message (200 only for a valid body), never 500`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const response = await send(body);
          const answer = (await response.json()) as { error?: { message: string } };
          if (response.status === 200 || response.status === 201) {
            expect(schema.safeParse(body).success).toBe(true);
            return;
          }
          expect([400, 409, 422], JSON.stringify(body)).toContain(response.status);
          expect(answer.error?.message.length).toBeGreaterThan(0);
        }),
        { numRuns: 3000 },
      );
    }, 240_000);
  }
});
