import { describe, expect, it } from "vitest";
import { progressText } from "./use-import";

const mb = 1_048_576;

describe("progressText", () => {
  it("says how much of the file has gone while it is sent, with the rows the server has read", () => {
    expect(progressText(null, 4 * mb, { loaded: mb, total: 4 * mb })).toEqual([
      0.25,
      "Sending the file: 1.0 of 4.0 MB",
    ]);
    expect(
      progressText({ phase: "reading", rows: 3000, bytes: mb }, 4 * mb, { loaded: 2 * mb, total: 4 * mb }),
    ).toEqual([0.5, "Sending the file: 2.0 of 4.0 MB; 3,000 rows read"]);
  });

  it("turns to the server's own progress once the file has gone", () => {
    expect(progressText(null, 4 * mb, { loaded: 4 * mb, total: 4 * mb })).toEqual([
      null,
      "File sent; the server is reading it…",
    ]);
    expect(
      progressText({ phase: "planning", rows: 50_000 }, 4 * mb, { loaded: 4 * mb, total: 4 * mb }),
    ).toEqual([null, "Checking 50,000 rows against the database…"]);
    expect(progressText({ phase: "writing", done: 100, total: 400 }, 4 * mb, null)).toEqual([
      0.25,
      "Written 100 of 400",
    ]);
    expect(progressText(null, 4 * mb)).toEqual([0, "Sending the file…"]);
  });
});
