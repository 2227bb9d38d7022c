// "As of" and "as known at" through every reader, on a real database: a delivery and a status change
// recorded today as having happened in March, seen by the API's list, its summary (the dashboard's
// figures), the CSV and the workbook. Each view must agree across all of them.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const routes = {
  pledges: (await import("./pledges/route")).GET,
  summary: (await import("./summary/route")).GET,
  csv: (await import("./exports/pledges.csv/route")).GET,
  xlsx: (await import("./exports/report.xlsx/route")).GET,
};
const pledgeRoute = await import("./pledges/[pledgeId]/route");
const statusRoute = await import("./pledges/[pledgeId]/status/route");

const title = "Ledger crates for the view-time test";
const metric = "crates";
let viewer: Record<string, string>;
let analyst: Record<string, string>;
let sourceId: string;
let pledgeId: string;
let deliveredAt: Date;
let statusAt: Date;

const send = (path: string, headers: Record<string, string>, body: unknown, method: string) =>
  new Request(`http://localhost/api/v1/pledges/${pledgeId}${path}`, {
    method,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  viewer = await bearerHeaders("viewer");
  analyst = await bearerHeaders("analyst");
  sourceId = (await db().source.findFirstOrThrow()).id;
  // Recorded on 7 January, announced the day before: 10,000 crates, none delivered.
  const recorded = new Date("2026-01-07T09:00:00Z");
  const pledge = await db().pledge.create({
    data: {
      title,
      category: "assistance",
      announcedOn: new Date("2026-01-06"),
      quantityUnit: metric,
      quantityLow: 10_000n,
      quantityHigh: 10_000n,
      createdAt: recorded,
      ledgerEvents: {
        create: (["stated", "delivered", "due"] as const).map((fact) => ({
          fact,
          occurredOn: new Date("2026-01-06"),
          recordedAt: recorded,
          note: "created",
          ...(fact === "stated" ? { quantityUnit: metric, quantityLow: 10_000n, quantityHigh: 10_000n } : {}),
        })),
      },
    },
  });
  pledgeId = pledge.id;
  // Today, through the API: 5,000 delivered on 15 March, and in progress since 16 March.
  const delivery = await pledgeRoute.PATCH(
    send(
      "",
      analyst,
      { version: 1, deliveredQuantity: "5000", occurredOn: "2026-03-15", note: "First crates", sourceId },
      "PATCH",
    ),
    routeContext({ pledgeId }),
  );
  expect(delivery.status).toBe(200);
  const status = await statusRoute.POST(
    send(
      "/status",
      analyst,
      { version: 2, status: "in_progress", occurredOn: "2026-03-16", note: "Under way", sourceId },
      "POST",
    ),
    routeContext({ pledgeId }),
  );
  expect(status.status).toBe(200);
  const event = await db().ledgerEvent.findFirstOrThrow({
    where: { pledgeId, fact: "delivered", deliveredQuantity: 5_000n },
  });
  deliveredAt = event.recordedAt;
  statusAt = (
    await db().statusChange.findFirstOrThrow({ where: { pledgeId, toPledgeStatus: "in_progress" } })
  ).createdAt;
});

const get = (name: keyof typeof routes, query: Record<string, string>) =>
  routes[name](
    new Request(`http://localhost/api/v1/${name}?${new URLSearchParams(query)}`, { headers: viewer }),
    routeContext({}),
  );

/** What each reader says of the pledge in one view: delivered, lifecycle status, and the total. */
async function readers(view: Record<string, string>) {
  const only = { ...view, q: title };
  const list = (await (await get("pledges", only)).json()) as {
    data: { id: string; delivered: number | null; status: string }[];
  };
  const [item] = list.data;
  const summary = async (query: Record<string, string>) =>
    (
      (await (await get("summary", query)).json()) as {
        data: { delivered: { high: number }; pledges: number };
      }
    ).data;
  const csvResponse = await get("csv", only);
  const [csvRow] = parse((await csvResponse.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<
    string,
    string
  >[];
  const xlsxResponse = await get("xlsx", { ...only, metric });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await xlsxResponse.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Pledges")!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const xlsxRow = sheet.getRow(2).values as unknown[];
  const summarySheet = workbook.getWorksheet("Summary")!;
  let xlsxTotal: unknown;
  summarySheet.eachRow((row) => {
    if (row.getCell(1).value === "Delivered") xlsxTotal = row.getCell(2).value;
  });
  return {
    listed: item ? { delivered: item.delivered ?? 0, status: item.status } : null,
    csv: csvRow ? { delivered: Number(csvRow.delivered || 0), status: csvRow.lifecycle_status } : null,
    xlsx:
      xlsxRow[header.indexOf("title")] === title
        ? {
            delivered: Number(xlsxRow[header.indexOf("delivered")] ?? 0),
            status: String(xlsxRow[header.indexOf("lifecycle_status")]),
          }
        : null,
    // The dashboard's figures for the whole tracker in this metric, and for the filtered view.
    dashboard: (await summary({ ...view, metric })).delivered.high,
    filtered: (await summary({ ...only, metric })).delivered.high,
    workbookTotal: Number(xlsxTotal ?? 0),
  };
}

const agree = (delivered: number, status: string) => ({
  listed: { delivered, status },
  csv: { delivered, status },
  xlsx: { delivered, status },
  dashboard: delivered,
  filtered: delivered,
  workbookTotal: delivered,
});

const instant = (date: Date, shift = 0) => new Date(date.getTime() + shift).toISOString();

describe("a delivery and a status change recorded today as of March", () => {
  it("count from their dates: April's view has them, February's does not", async () => {
    expect(await readers({ asOf: "2026-02-28" })).toEqual(agree(0, "announced"));
    expect(await readers({ asOf: "2026-03-15" })).toEqual(agree(5_000, "announced"));
    expect(await readers({ asOf: "2026-04-30" })).toEqual(agree(5_000, "in_progress"));
    expect(await readers({})).toEqual(agree(5_000, "in_progress"));
  });

  it("are not in what the tracker showed before they were recorded, and are from that instant", async () => {
    expect(await readers({ knownAt: instant(deliveredAt, -1) })).toEqual(agree(0, "announced"));
    expect(await readers({ knownAt: instant(deliveredAt) })).toEqual(agree(5_000, "announced"));
    expect(await readers({ knownAt: instant(statusAt) })).toEqual(agree(5_000, "in_progress"));
    // What we believed, just before recording them, about the end of April.
    expect(await readers({ asOf: "2026-04-30", knownAt: instant(deliveredAt, -1) })).toEqual(
      agree(0, "announced"),
    );
  });

  it("leave out a pledge the tracker did not hold yet", async () => {
    const before = await readers({ knownAt: "2026-01-07T08:59:59Z" });
    expect(before).toMatchObject({ listed: null, csv: null, xlsx: null, dashboard: 0, filtered: 0 });
  });

  it("refuses a moment that is not one, naming the parameter", async () => {
    for (const knownAt of ["yesterday", "2026-02-30T10:00Z", "2026-03-01T25:00", "9999-01-01"]) {
      const response = await get("pledges", { knownAt });
      expect(response.status, knownAt).toBe(400);
      const body = (await response.json()) as { error: { params: { param: string }[] } };
      expect(body.error.params[0]?.param).toBe("knownAt");
    }
  });

  it("names the view in the export's file name and the API's answer", async () => {
    const response = await get("csv", { asOf: "2026-04-30", knownAt: "2026-04-01T12:00:00Z" });
    expect(response.headers.get("content-disposition")).toMatch(
      /"pledgewatch-pledges-as-of-2026-04-30-known-at-20260401t120000z-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const summary = (await (await get("summary", { knownAt: "2026-04-01T12:00:00+02:00" })).json()) as {
      data: { knownAt: string; asOf: null };
    };
    expect(summary.data).toMatchObject({ knownAt: "2026-04-01T10:00:00.000Z", asOf: null });
  });

  it("flag a delivery above the pledge from its date, in the API and the CSV alike", async () => {
    const { version } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const over = await pledgeRoute.PATCH(
      send(
        "",
        analyst,
        {
          version,
          deliveredQuantity: "12,000",
          occurredOn: "2026-04-10",
          note: "More than pledged",
          sourceId,
        },
        "PATCH",
      ),
      routeContext({ pledgeId }),
    );
    expect(over.status).toBe(200);
    const flags = async (asOf: string) => {
      const query = { asOf, q: title };
      const list = (await (await get("pledges", query)).json()) as {
        data: { deliveredExceedsPledge: boolean }[];
      };
      const [row] = parse((await (await get("csv", query)).text()).replace(/^\uFEFF/, ""), {
        columns: true,
      }) as Record<string, string>[];
      return [list.data[0]?.deliveredExceedsPledge, row?.delivered_exceeds_pledge];
    };
    expect(await flags("2026-04-05")).toEqual([false, ""]);
    expect(await flags("2026-04-30")).toEqual([true, "yes"]);
  });
});
