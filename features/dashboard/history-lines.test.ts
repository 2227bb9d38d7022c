import { describe, expect, it } from "vitest";
import { statedQuantity } from "@/lib/rules/quantity";
import { monthTicks } from "@/components/charts/month-ticks";
import { historyLines } from "./history-lines";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const personnel = (low: bigint, high: bigint | null, qualifier: "exact" | "up_to" = "exact") =>
  statedQuantity(low, high, "personnel", qualifier);

describe("the gap history's lines", () => {
  const history = {
    unit: "personnel",
    points: [
      {
        day: day("2026-01-06"),
        required: personnel(50_000n, 100_000n),
        pledged: personnel(30_000n, null, "up_to"),
        unconditional: personnel(0n, null),
        delivered: personnel(0n, null),
      },
    ],
    conditionChanges: [
      { at: new Date("2026-03-01T09:00:00Z"), title: "Ceasefire", status: "met" as const },
      { at: new Date("2026-03-01T15:00:00Z"), title: "Line agreed", status: "partially_met" as const },
      { at: new Date("2026-04-02T10:00:00Z"), title: "Line agreed", status: "met" as const },
    ],
  };

  it("draws a ceiling as a band from nothing up to it, and a range as itself", () => {
    const [line] = historyLines(history).lines;
    expect(line).toMatchObject({
      day: "6 Jan 2026",
      pledged: [0, 30_000],
      required: [50_000, 100_000],
      words: { pledged: "up to 30,000 personnel", required: "50,000–100,000 personnel" },
    });
  });

  it("marks each day a condition changed once, saying every change of that day", () => {
    expect(historyLines(history).markers).toEqual([
      {
        marker: "A",
        time: day("2026-03-01").getTime(),
        text: "1 Mar 2026: Ceasefire became met; Line agreed became partially met",
      },
      { marker: "B", time: day("2026-04-02").getTime(), text: "2 Apr 2026: Line agreed became met" },
    ]);
  });

  it("ticks the time axis on the first of each month", () => {
    expect(monthTicks(day("2026-01-06").getTime(), day("2026-03-01").getTime())).toEqual([
      day("2026-02-01").getTime(),
      day("2026-03-01").getTime(),
    ]);
  });
});
