import { describe, expect, it } from "vitest";
import { readFlash } from "./flash";

describe("readFlash", () => {
  it("reads the message and the undo a cookie carries", () => {
    const value = encodeURIComponent(
      JSON.stringify({ message: "Pledge deleted.", undo: { pledgeId: "p1", version: 3 } }),
    );
    expect(readFlash(value)).toEqual({ message: "Pledge deleted.", undo: { pledgeId: "p1", version: 3 } });
  });

  it("shows nothing for a missing, malformed or tampered value", () => {
    for (const value of [
      undefined,
      "",
      "%E0%A4%A",
      "not json",
      encodeURIComponent('{"message":""}'),
      encodeURIComponent('{"message":"x","undo":{"pledgeId":"p","version":0}}'),
    ]) {
      expect(readFlash(value), String(value)).toBeNull();
    }
  });
});
