import { describe, expect, it } from "vitest";
import { summarizeErrors } from "./error-summary";

describe("row errors by kind", () => {
  it("groups errors that differ only in the cell's value, the most frequent kind first", () => {
    const errors = [
      ...Array.from({ length: 7 }, (_, i) => ({
        row: i + 2,
        column: "Date",
        message: `"2022-0${i + 1}" is not a date; write it as YYYY-MM-DD`,
      })),
      { row: 3, column: "Value", message: '"-5" is negative' },
      { row: 9, column: "Value", message: '"-1" is negative' },
      { row: 4, column: "Date", message: "is required" },
    ];
    expect(summarizeErrors(errors, 3)).toEqual([
      {
        column: "Date",
        kind: "… is not a date; write it as YYYY-MM-DD",
        count: 7,
        rows: [2, 3, 4],
        example: '"2022-01" is not a date; write it as YYYY-MM-DD',
      },
      { column: "Value", kind: "… is negative", count: 2, rows: [3, 9], example: '"-5" is negative' },
      { column: "Date", kind: "is required", count: 1, rows: [4], example: "is required" },
    ]);
  });

  it("groups values quoted as Ukrainian and French quote them", () => {
    const errors = ["«many» — не число", "«few» — не число"].map((message, i) => ({
      row: i + 2,
      column: "Кількість",
      message,
    }));
    expect(summarizeErrors(errors)).toMatchObject([{ kind: "… — не число", count: 2, rows: [2, 3] }]);
  });

  it("keeps kinds apart by column", () => {
    const errors = [
      { row: 2, column: "Quantity low", message: "is negative" },
      { row: 2, column: "Quantity high", message: "is negative" },
    ];
    expect(summarizeErrors(errors).map((k) => k.column)).toEqual(["Quantity low", "Quantity high"]);
  });
});
