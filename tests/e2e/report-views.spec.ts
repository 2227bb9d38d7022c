import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { summaryResponse } from "@/features/api/schemas";
import { sheetsThroughLibreOffice } from "./support/readers";

// Five views, each a different kind (a filter, a scenario, a date, a metric, a moment of knowledge):
// for each, the API's summary, the CSV, the workbook, the data package and the briefing PDF are
// read back by their own readers, and must give the same figures and name the same view.

type Summary = ReturnType<typeof summaryResponse.parse>["data"];
type Range = NonNullable<Summary["pledged"]>;

const knownAt = new Date(Date.now() - 1000).toISOString();
const views: { name: string; query: string; slug: RegExp }[] = [
  { name: "a filter", query: "stakeholder=france", slug: /-france-/ },
  {
    name: "a scenario",
    query: "assume=russia-agrees-to-ceasefire",
    slug: /-if-russia-agrees-to-ceasefire-/,
  },
  { name: "a date", query: "asOf=2026-01-06", slug: /-as-of-2026-01-06-/ },
  { name: "a metric", query: "metric=items", slug: /-items-/ },
  { name: "a moment of knowledge", query: `knownAt=${knownAt}`, slug: /-known-at-\d{8}t\d{6}z-/ },
];

/** A range as the briefing writes it: "up to 30,000 personnel", "50,000–100,000 personnel". */
function inWords({ low, high, bound }: Range, unit: string) {
  const amount = (value: number) => value.toLocaleString("en-GB");
  const text = low === high ? amount(high) : `${amount(low)}–${amount(high)}`;
  const prefix = { at_most: "up to ", at_least: "at least ", about: "about ", exact: "", indeterminate: "" }[
    bound
  ];
  return `${prefix}${text} ${unit}`;
}

async function download(request: APIRequestContext, file: string, query: string, slug: RegExp) {
  const response = await request.get(`/api/v1/exports/${file}?${query}`);
  expect(response.status(), file).toBe(200);
  const name = /filename="([^"]+)"/.exec(response.headers()["content-disposition"] ?? "")![1]!;
  expect(name, file).toMatch(slug);
  return response.body();
}

test.describe("every export of a view gives the API's figures", () => {
  for (const view of views) {
    test(view.name, async ({ request }) => {
      test.setTimeout(120_000);
      const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-views-"));
      try {
        const answer = summaryResponse.parse(
          await (await request.get(`/api/v1/summary?${view.query}`)).json(),
        );
        const summary = answer.data;
        const unit = summary.unit;
        const ranges = {
          Pledged: summary.pledged,
          Unconditional: summary.unconditional,
          Delivered: summary.delivered,
        };

        // CSV: one row per pledge; the unit's stated amounts of the pledges not withdrawn add up.
        const csv = parse(await download(request, "pledges.csv", view.query, view.slug), {
          bom: true,
          columns: true,
        }) as Record<string, string>[];
        expect(csv).toHaveLength(summary.pledges);
        const counted = csv.filter((row) => row.unit === unit && row.lifecycle_status !== "withdrawn");
        const sum = (rows: Record<string, string>[], column: string) =>
          rows.reduce((total, row) => total + Number(row[column] || 0), 0);
        expect(sum(counted, "quantity_high")).toBe(summary.pledged.high);
        expect(sum(counted, "delivered")).toBe(summary.delivered.high);
        expect(
          sum(
            counted.filter((row) => row.effective_status !== "conditional"),
            "quantity_high",
          ),
        ).toBe(summary.unconditional.high);

        // The workbook, through LibreOffice: its Summary sheet, its pledges, its view.
        const workbook = path.join(dir, "report.xlsx");
        writeFileSync(workbook, await download(request, "report.xlsx", view.query, view.slug));
        const sheets = sheetsThroughLibreOffice(workbook, dir);
        for (const [figure, range] of Object.entries(ranges)) {
          const row = sheets.get("Summary")!.find((cells) => cells[0] === figure)!;
          expect([Number(row[1]), Number(row[2]), row[3]], figure).toEqual([
            range.low,
            range.high,
            range.bound,
          ]);
        }
        expect(sheets.get("Pledges")!.length - 1).toBe(summary.pledges);
        const about = new Map(sheets.get("About this report")!.map((row) => [row[0], row[1]]));
        expect(about.get("Pledges selected")).toBe(String(summary.pledges));

        // The data package: its summary table and its view as data.
        const zip = path.join(dir, "data.zip");
        writeFileSync(zip, await download(request, "datapackage.zip", view.query, view.slug));
        execFileSync("unzip", ["-q", zip, "-d", path.join(dir, "package")]);
        const descriptor = JSON.parse(
          readFileSync(path.join(dir, "package", "datapackage.json"), "utf8"),
        ) as {
          view: { metric: string; asOf: string | null; knownAt: string | null; assume: string[] };
        };
        expect(descriptor.view).toMatchObject({
          metric: unit,
          asOf: answer.view.asOf,
          assume: answer.view.assume,
        });
        // The same moment, however each writes it.
        const moment = (text: string | null) => (text === null ? null : new Date(text).getTime());
        expect(moment(descriptor.view.knownAt)).toBe(moment(answer.view.knownAt));
        const table = (name: string) =>
          parse(readFileSync(path.join(dir, "package", "data", `${name}.csv`), "utf8"), {
            columns: true,
          }) as Record<string, string>[];
        for (const [figure, range] of Object.entries(ranges)) {
          const row = table("summary").find((cells) => cells.figure === figure)!;
          expect([Number(row.low), Number(row.high), row.bound], figure).toEqual([
            range.low,
            range.high,
            range.bound,
          ]);
        }
        expect(table("pledges")).toHaveLength(summary.pledges);

        // The briefing, through pdftotext: its paragraph says the same pledged figure and count.
        const pdf = path.join(dir, "briefing.pdf");
        writeFileSync(pdf, await download(request, "briefing.pdf", view.query, view.slug));
        const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).replace(
          /\s+/g,
          " ",
        );
        // "9 pledges together promise …", or "Of 9 pledges, 1 states an amount in personnel, promising …".
        const count = summary.pledges === 1 ? "1 pledge" : `${summary.pledges} pledges`;
        expect(text).toMatch(new RegExp(`In brief (Of |None of the )?${count}\\b`));
        expect(text).toMatch(
          new RegExp(
            `(promis(e|es|ing) ${inWords(summary.pledged, unit)}[ ;.]|None of the ${count} states an amount in ${unit})`,
          ),
        );
        if (summary.required) {
          expect(text).toMatch(new RegExp(`${inWords(summary.required, unit)} (are )?required`));
        }
        // Its unconditional and delivered figures, in the words the paragraph uses for them.
        expect(text).toMatch(
          new RegExp(`(comes to|None waits on a condition:) ${inWords(summary.unconditional, unit)}[ .(]`),
        );
        expect(text).toContain(
          summary.delivered.high === 0
            ? `Nothing has been reported delivered in ${unit}`
            : `Reported delivered so far: ${inWords(summary.delivered, unit)}.`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
