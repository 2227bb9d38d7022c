import { describe, expect, it } from "vitest";
import {
  exportFileName,
  maxViewSlugLength,
  viewJson,
  viewLines,
  viewSearch,
  viewSlug,
  type ReportSelection,
  type ReportView,
} from "./report-view";

const none: ReportSelection = {
  status: [],
  effective: [],
  category: [],
  stakeholder: [],
  condition: [],
  assume: [],
};
const today: ReportView = { metric: "personnel", time: {}, selection: none };
const france: ReportView = {
  metric: "personnel",
  time: { asOf: new Date("2026-03-01T00:00:00Z") },
  selection: { ...none, stakeholder: ["france"], assume: ["russia-agrees-to-ceasefire"] },
};
const names = {
  stakeholders: new Map([["france", "France"]]),
  conditions: new Map([["russia-agrees-to-ceasefire", "Russia agrees to a ceasefire"]]),
};
const madeOn = new Date("2026-12-03T17:20:00Z");

describe("a report's file name", () => {
  it("names the view, then the day it was made", () => {
    expect(exportFileName("pledges", "csv", madeOn, france, "personnel")).toBe(
      "pledgewatch-pledges-france-if-russia-agrees-to-ceasefire-as-of-2026-03-01-2026-12-03.csv",
    );
    expect(exportFileName("briefing", "pdf", madeOn, today, "personnel")).toBe(
      "pledgewatch-briefing-2026-12-03.pdf",
    );
    expect(exportFileName("dataset", "json", madeOn)).toBe("pledgewatch-dataset-2026-12-03.json");
  });

  it("tells every part of a view apart: filters, search words, dates, known-at, another metric", () => {
    const filtered: ReportView = {
      ...today,
      selection: {
        ...none,
        category: ["force"],
        status: ["in_progress"],
        effective: ["conditional"],
        condition: ["guard"],
        q: "Hubs & Bases!",
        from: new Date("2026-01-01T00:00:00Z"),
      },
    };
    expect(viewSlug(filtered, "personnel")).toBe(
      "under-guard-force-in-progress-conditional-matching-hubs-bases-from-2026-01-01",
    );
    // Longer than the bound: whole filters only, and the time always.
    const asOf = new Date("2026-03-01T00:00:00Z");
    const longer = viewSlug(
      { ...filtered, time: { asOf }, selection: { ...filtered.selection, stakeholder: ["united-kingdom"] } },
      "personnel",
    );
    expect(longer).toBe("united-kingdom-under-guard-force-in-progress-conditional-more-as-of-2026-03-01");
    const known: ReportView = {
      metric: "EUR",
      time: { knownAt: new Date("2026-04-01T12:30:45Z") },
      selection: none,
    };
    expect(viewSlug(known, "personnel")).toBe("known-at-20260401t123045z-eur");
    expect(viewSlug({ ...known, metric: "personnel" }, "personnel")).not.toMatch(/personnel/);
    expect(viewSlug({ ...today, selection: { ...none, q: "«»" } }, "personnel")).toBe("");
  });

  it("stays within its bound however many filters", () => {
    const many: ReportView = {
      ...today,
      selection: { ...none, stakeholder: Array.from({ length: 30 }, (_, i) => `stakeholder-number-${i}`) },
    };
    const slug = viewSlug(many, "personnel");
    expect(slug.length).toBeLessThanOrEqual(maxViewSlugLength);
    expect(slug).toMatch(/^stakeholder-number-0-stakeholder-number-1-(stakeholder-number-\d+-)*more$/);
  });
});

describe("a report's view in words and for machines", () => {
  it("says every pledge and no scenario when nothing is chosen", () => {
    expect(viewLines(today, names)).toEqual([
      { label: "Pledges", text: "Every pledge (no filter)" },
      { label: "Scenario", text: "None: every condition as it stands" },
      { label: "As of", text: "Today, as recorded" },
      { label: "Metric", text: "personnel" },
    ]);
  });

  it("names stakeholders and conditions by their names, and keeps an unknown slug as it is", () => {
    const lines = viewLines(
      { ...france, selection: { ...france.selection, stakeholder: ["france", "atlantis"] } },
      names,
    );
    expect(lines).toContainEqual({ label: "Stakeholders", text: "France; atlantis" });
    expect(lines).toContainEqual({ label: "Scenario", text: "Assumes met: Russia agrees to a ceasefire" });
    expect(lines).toContainEqual({ label: "As of", text: "The end of 1 Mar 2026 (UTC)" });
  });

  it("reads back through its query string to the same view", () => {
    const view: ReportView = {
      metric: "EUR",
      time: { asOf: new Date("2026-03-01T00:00:00Z"), knownAt: new Date("2026-04-01T12:00:00Z") },
      selection: { ...france.selection, category: ["force", "monitoring"], q: "a & b" },
    };
    const query = new URLSearchParams(viewSearch(view, "personnel"));
    expect(query.getAll("category")).toEqual(["force", "monitoring"]);
    expect(query.get("q")).toBe("a & b");
    expect(query.get("knownAt")).toBe("2026-04-01T12:00:00Z");
    expect(query.get("metric")).toBe("EUR");
    expect(viewSearch(today, "personnel")).toBe("");
    expect(viewJson(view)).toMatchObject({
      metric: "EUR",
      asOf: "2026-03-01",
      knownAt: "2026-04-01T12:00:00Z",
      assume: ["russia-agrees-to-ceasefire"],
      filters: { stakeholder: ["france"], category: ["force", "monitoring"], q: "a & b", from: null },
    });
  });
});
