import { describe, expect, it } from "vitest";
import { passagesOf } from "./passages";

const texts = (text: string) => passagesOf(text).map((passage) => text.slice(passage.start, passage.end));

describe("the passages of a text", () => {
  it("cuts lines into sentences, keeping abbreviations and initials inside them", () => {
    expect(texts("U.S. envoys met Dr. Elena Markova. She spoke.\nA heading")).toEqual([
      "U.S. envoys met Dr. Elena Markova.",
      "She spoke.",
      "A heading",
    ]);
  });

  it("joins a hard-wrapped sentence, but not a heading to what follows it", () => {
    const text =
      "France and the UK committed to\nbuilding hubs within Ukraine.\nStrategic Outlook\nThe mood is optimistic.";
    expect(texts(text)).toEqual([
      "France and the UK committed to\nbuilding hubs within Ukraine.",
      "Strategic Outlook",
      "The mood is optimistic.",
    ]);
  });

  it("reads a table row with its cells, and a list item without its bullet", () => {
    const text = "| France | Troops | Ready to lead. |\n  • Support for a monitoring system.";
    const [row, item] = passagesOf(text);
    expect(row!.kind).toBe("row");
    expect(row!.cells.map((cell) => text.slice(cell.start, cell.end))).toEqual([
      "France",
      "Troops",
      "Ready to lead.",
    ]);
    expect(text.slice(item!.start, item!.end)).toBe("Support for a monitoring system.");
  });

  it("knows what is quoted and what asks", () => {
    const text = "“If you promise to monitor it, you need capacity,” she said. Will it hold?";
    const [said, asked] = passagesOf(text);
    expect(said!.quoted.map((span) => text.slice(span.start, span.end))).toEqual([
      "“If you promise to monitor it, you need capacity,”",
    ]);
    expect([said!.question, asked!.question]).toEqual([false, true]);
  });
});
