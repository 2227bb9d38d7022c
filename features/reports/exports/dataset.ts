import type { DatasetTable } from "../queries";

const datasetFormat = "pledgewatch-dataset";
const datasetVersion = 1;

/** JSON for stored values: BigInt amounts as decimal strings (exact), dates as ISO text. */
function replacer(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}

/**
 * The dataset file, written as it is read: `{ "format", "version", "exportedAt", "tables": {
 * "Stakeholder": [rows…], … } }`. Tables come in foreign-key order, so an import can insert them
 * as they come.
 */
export async function* datasetJson(
  batches: AsyncIterable<{ table: DatasetTable; rows: object[] }>,
  exportedAt: Date,
) {
  yield `{"format":${JSON.stringify(datasetFormat)},"version":${datasetVersion},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"tables":{`;
  let current: DatasetTable | null = null;
  let first = true;
  for await (const { table, rows } of batches) {
    if (table !== current) {
      yield `${current ? "]," : ""}${JSON.stringify(table)}:[`;
      current = table;
      first = true;
    }
    if (rows.length === 0) continue;
    yield (first ? "" : ",") + rows.map((row) => JSON.stringify(row, replacer)).join(",");
    first = false;
  }
  yield `${current ? "]" : ""}}}`;
}
