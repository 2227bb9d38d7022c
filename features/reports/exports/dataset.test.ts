import { describe, expect, it } from "vitest";
import { datasetJson } from "./dataset";
import type { DatasetTable } from "../queries";

async function textOf(batches: { table: DatasetTable; rows: object[] }[]) {
  async function* source() {
    yield* batches;
  }
  let text = "";
  for await (const chunk of datasetJson(source(), new Date("2026-11-22T00:00:00Z"))) text += chunk;
  return text;
}

describe("datasetJson", () => {
  it("writes one valid JSON document, tables in order, amounts as exact strings", async () => {
    const text = await textOf([
      { table: "Stakeholder", rows: [{ id: "a" }, { id: "b" }] },
      { table: "Stakeholder", rows: [{ id: "c" }] },
      { table: "Source", rows: [] },
      { table: "Pledge", rows: [{ id: "p", quantityLow: 9_007_199_254_740_993n }] },
    ]);
    const parsed = JSON.parse(text) as { format: string; tables: Record<string, { id: string }[]> };
    expect(parsed.format).toBe("pledgewatch-dataset");
    expect(Object.keys(parsed.tables)).toEqual(["Stakeholder", "Source", "Pledge"]);
    expect(parsed.tables.Stakeholder!.map((row) => row.id)).toEqual(["a", "b", "c"]);
    expect(parsed.tables.Source).toEqual([]);
    expect(text).toContain('"quantityLow":"9007199254740993"');
  });

  it("is valid JSON with no table at all", async () => {
    expect(JSON.parse(await textOf([]))).toMatchObject({ tables: {} });
  });
});
