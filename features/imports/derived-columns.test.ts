import { inEnglish } from "@/i18n/translate";
import { describe, expect, it } from "vitest";
import { deriveColumns } from "./derived-columns";

const headers = ["Donor", "Category", "Date", "Value"];

describe("fields composed from columns, the row number and defaults", () => {
  it("composes a title from columns as a cell shows them, and an id from the row number", () => {
    const derived = deriveColumns(headers, {
      columns: { Category: "category" },
      composed: { title: "{Donor} {category} {Date}", externalId: "kiel-{#row}" },
    });
    expect(derived.problems).toEqual([]);
    expect(derived.headers.slice(4)).toEqual([
      "Title = {Donor} {category} {Date}",
      "External ID = kiel-{#row}",
    ]);
    expect(derived.columns).toMatchObject({
      Category: "category",
      "Title = {Donor} {category} {Date}": "title",
      "External ID = kiel-{#row}": "externalId",
    });
    const cells = derived.cells(7, ["Germany", "Military", new Date(Date.UTC(2022, 2, 1)), 5]);
    expect(cells.slice(4)).toEqual(["Germany Military 2022-03-01", "kiel-7"]);
  });

  it("leaves a composed field blank when every column it names is blank, so that a required one is missing", () => {
    const derived = deriveColumns(headers, { columns: {}, composed: { title: "{Donor} – {Category}" } });
    expect(derived.cells(2, ["", "", null, null]).at(-1)).toBe("");
    expect(derived.cells(2, ["France", "", null, null]).at(-1)).toBe("France –");
  });

  it("fills blank cells of a mapped column with its default, and adds a column for a field without one", () => {
    const derived = deriveColumns(headers, {
      columns: { Date: "announcedOn" },
      defaults: { announcedOn: "2022-01-01", quantityUnit: "EUR" },
    });
    expect(derived.headers.slice(4)).toEqual(['Unit or currency (default "EUR")']);
    expect(derived.cells(2, ["A", "B", "", 1])).toEqual(["A", "B", "2022-01-01", 1, "EUR"]);
    expect(derived.cells(3, ["A", "B", "2023-05-05", 1])).toEqual(["A", "B", "2023-05-05", 1, "EUR"]);
    // A short row is padded, so that the derived cells stay under their headers.
    expect(derived.cells(4, ["A"])).toEqual(["A", undefined, "2022-01-01", undefined, "EUR"]);
  });

  it("names a template's columns the file lacks", () => {
    expect(
      deriveColumns(headers, { columns: {}, composed: { title: "{Donor} {Measure}" } }).problems.map(
        inEnglish,
      ),
    ).toEqual(['Title is composed as "{Donor} {Measure}", but the file has no column "Measure".']);
  });

  it("keeps derived headers apart from the file's own", () => {
    const derived = deriveColumns(["Title = {A}", "A"], { columns: {}, composed: { title: "{A}" } });
    expect(derived.headers).toEqual(["Title = {A}", "A", "Title = {A} "]);
  });
});
