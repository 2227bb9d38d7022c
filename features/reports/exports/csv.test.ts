import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PledgeListItem } from "@/features/pledges/queries";
import { csvText, neutraliseFormula } from "@/lib/csv-cells";
import { pledgesCsv } from "./csv";

const item = (overrides: Partial<PledgeListItem>): PledgeListItem => ({
  id: "p1",
  externalId: null,
  title: "Multinational deterrence force",
  description: null,
  category: "force",
  status: "announced",
  effective: { status: "announced", blockedBy: [] },
  quantity: {
    quantityLow: 30_000n,
    quantityHigh: 30_000n,
    quantityUnit: "personnel",
    quantityQualifier: "up_to",
  },
  delivered: null,
  lastChange: null,
  announcedOn: new Date("2026-01-06T00:00:00Z"),
  announcedPrecision: "day",
  dueOn: null,
  version: 1,
  sources: [],
  stakeholders: [{ slug: "france", name: "France", role: "lead" }],
  conditions: [],
  ...overrides,
});

async function* batches(...items: PledgeListItem[][]) {
  yield* items;
}

async function csvOf(...items: PledgeListItem[][]) {
  let text = "";
  for await (const chunk of pledgesCsv(batches(...items))) text += chunk;
  return text;
}

describe("neutraliseFormula", () => {
  it("defuses text a spreadsheet would run as a formula, and leaves the rest alone", () => {
    for (const cell of ["=1+1", "+33", "-2", "@SUM(A1)", "\t=x", "\r=x"]) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
    expect(neutraliseFormula("Force = 30,000")).toBe("Force = 30,000");
    expect(neutraliseFormula("")).toBe("");
  });

  it("drops control characters but keeps tabs and line breaks inside a cell", () => {
    expect(csvText("a\u0000b\u001bc\u0008d\u007f")).toBe("abcd");
    expect(csvText("two\nlines\tand a tab")).toBe("two\nlines\tand a tab");
    expect(csvText("\u0000=1+1")).toBe("'=1+1");
  });
});

describe("pledgesCsv", () => {
  it("reads back, with a CSV parser, as exactly the rows written, quotes and all", async () => {
    const awkward = 'He said "up to", then,\nleft';
    const text = await csvOf(
      [item({ title: awkward })],
      [
        item({
          id: "p2",
          title: '=HYPERLINK("http://evil")',
          quantity: {
            quantityLow: 125_000_050n,
            quantityHigh: null,
            quantityUnit: "EUR",
            quantityQualifier: "exact",
          },
        }),
      ],
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      title: awkward,
      quantity_low: "30000",
      qualifier: "up_to",
      stakeholders: "France (lead)",
      announced_on: "2026-01-06",
    });
    expect(rows[1]).toMatchObject({
      title: `'=HYPERLINK("http://evil")`,
      quantity_low: "1250000.5",
      unit: "EUR",
    });
    expect(text).toContain("\r\n");
  });

  it("puts each code's words beside it, and says per row why a pledge is conditional", async () => {
    const ceasefire = {
      id: "c1",
      slug: "ceasefire",
      title: "Russia agrees to a ceasefire",
      status: "unmet" as const,
    };
    const text = await csvOf([
      item({
        status: "in_progress",
        effective: { status: "conditional", blockedBy: [ceasefire] },
        conditions: [ceasefire],
      }),
    ]);
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      category: "force",
      category_label: "Force (troops, deterrence)",
      qualifier: "up_to",
      qualifier_label: "Up to",
      lifecycle_status: "in_progress",
      lifecycle_status_label: "In progress",
      effective_status: "conditional",
      effective_status_label: "Conditional",
      blocked_by: "ceasefire",
      blocked_by_titles: "Russia agrees to a ceasefire",
      conditions: "ceasefire (unmet)",
      conditions_label: "Russia agrees to a ceasefire (unmet)",
    });
  });

  it("writes the header even when nothing is selected", async () => {
    const rows = parse(await csvOf(), { bom: true }) as string[][];
    expect(rows).toEqual([expect.arrayContaining(["id", "title", "effective_status", "sources"])]);
  });
});
