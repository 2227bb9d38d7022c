import { inEnglish } from "@/i18n/translate";
import { describe, expect, it } from "vitest";
import englishCatalog from "@/messages/en.json";
import {
  fieldForHeader,
  guessColumns,
  importFieldLabels,
  mappingProblems,
  missingFields,
  proposeMapping,
} from "./fields";

describe("header matching", () => {
  it("names each field in English by the header it matches, the one the template writes", () => {
    // The catalog's English is a copy of the field table's headers, held to them here.
    expect(englishCatalog.imports.field).toEqual(importFieldLabels);
  });

  it("maps headers that name a field, ignoring case, spaces, hyphens and underscores", () => {
    expect(fieldForHeader("Quantity low")).toBe("quantityLow");
    expect(fieldForHeader("QUANTITY-LOW")).toBe("quantityLow");
    expect(fieldForHeader("quantity_low")).toBe("quantityLow");
    expect(fieldForHeader("Source URL")).toBe("sourceUrl");
    expect(fieldForHeader("External ID")).toBe("externalId");
    expect(fieldForHeader("Announced")).toBe("announcedOn");
    expect(fieldForHeader("lifecycle_status")).toBe("status");
    expect(fieldForHeader("effective_status")).toBeNull();
  });

  it("proposes the first of two headers naming the same field and leaves the other", () => {
    expect(proposeMapping(["Title", "Pledge", "Unit", "Notes"])).toEqual({
      Title: "title",
      Unit: "quantityUnit",
      Notes: "description",
    });
  });

  it("reads Pledgewatch's own CSV export headers", () => {
    const mapping = proposeMapping([
      "id",
      "external_id",
      "title",
      "category",
      "stakeholders",
      "quantity_low",
      "quantity_high",
      "unit",
      "qualifier",
      "delivered",
      "lifecycle_status",
      "announced_on",
      "due_on",
    ]);
    expect(Object.values(mapping)).toEqual([
      "externalId",
      "title",
      "category",
      "stakeholders",
      "quantityLow",
      "quantityHigh",
      "quantityUnit",
      "quantityQualifier",
      "deliveredQuantity",
      "status",
      "announcedOn",
      "dueOn",
    ]);
  });
});

describe("mappingProblems", () => {
  /** The problems in English words. */
  const said = (...args: Parameters<typeof mappingProblems>) => mappingProblems(...args).map(inEnglish);

  it("names missing required fields, unknown columns, fields filled twice and duplicate headers", () => {
    expect(said(["Title"], { columns: { Title: "title" } })).toEqual([
      "No column is mapped to Category, which is required.",
      "No column is mapped to Announced, which is required.",
    ]);
    const problems = said(["Title", "Name", "Category", "Date", "Date"], {
      columns: { Title: "title", Name: "title", Category: "category", Date: "announcedOn", Nope: "scope" },
    });
    expect(problems).toContain('"Title" and "Name" both fill Title: keep one.');
    expect(problems).toContain('The file has no column "Nope".');
    expect(problems).toContain('Two columns are headed "Date": rename one.');
  });

  it("counts composed fields and defaults as filled, and refuses a field both composed and mapped", () => {
    const headers = ["Donor", "Measure", "Category"];
    const sources = {
      columns: { Measure: "title", Category: "category" } as const,
      composed: { title: "{Donor} {Measure}" },
      defaults: { announcedOn: "2022-01-01" },
    };
    expect(said(headers, sources)).toEqual([
      'Template "{Donor} {Measure}" and "Measure" both fill Title: keep one.',
    ]);
    expect(
      missingFields(headers, { columns: { Category: "category" }, composed: { title: "{Donor}" } }),
    ).toEqual(["announcedOn"]);
    expect(missingFields(headers, { ...sources, columns: { Category: "category" } })).toEqual([]);
  });
});

describe("guessing what unrecognised columns hold", () => {
  it("offers the unmapped columns whose words suggest a missing field, in English, French and Ukrainian", () => {
    const headers = ["Donor", "Date", "Category", "Measure", "Value in EUR"];
    const mapping = proposeMapping(headers);
    expect(missingFields(headers, { columns: mapping })).toEqual(["title"]);
    expect(guessColumns(headers, { columns: mapping })).toEqual([
      { field: "title", header: "Measure" },
      { field: "stakeholders", header: "Donor" },
      { field: "quantityLow", header: "Value in EUR" },
    ]);
    expect(guessColumns(["Pays donateur", "Montant", "Дата"], { columns: {} })).toEqual([
      { field: "announcedOn", header: "Дата" },
      { field: "stakeholders", header: "Pays donateur" },
      { field: "quantityLow", header: "Montant" },
    ]);
  });

  it("offers nothing for a field already mapped, and never one column twice", () => {
    const headers = ["Title", "Category", "Announced", "Donor country"];
    const mapping = proposeMapping(headers);
    expect(missingFields(headers, { columns: mapping })).toEqual([]);
    expect(guessColumns(headers, { columns: mapping })).toEqual([
      { field: "stakeholders", header: "Donor country" },
    ]);
    // "Date of measure" suggests Title (measure) and Announced (date): it is offered for the first only.
    expect(guessColumns(["Date of measure"], { columns: {} })).toEqual([
      { field: "title", header: "Date of measure" },
    ]);
  });

  it("counts a field as missing when the mapping names a column this file does not have", () => {
    const headers = ["Measure", "Category", "Announced"];
    const saved = { Title: "title", Category: "category", Announced: "announcedOn" } as const;
    expect(missingFields(headers, { columns: saved })).toEqual(["title"]);
    expect(guessColumns(headers, { columns: saved })).toEqual([{ field: "title", header: "Measure" }]);
  });
});
