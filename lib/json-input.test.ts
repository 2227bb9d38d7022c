import { describe, expect, it } from "vitest";
import { jsonDepth, maxJsonDepth, readJson } from "./json-input";

describe("JSON from outside", () => {
  it("measures nesting outside strings only", () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{\\"[["}')).toBe(1);
    expect(jsonDepth("[]")).toBe(1);
    expect(jsonDepth("3")).toBe(0);
  });

  it("refuses deep nesting before parsing, in linear time", () => {
    const deep = "[".repeat(10_000_000);
    const started = performance.now();
    expect(readJson(deep)).toEqual({
      ok: false,
      message: `The body nests more than ${maxJsonDepth} levels deep.`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(readJson(`${"[".repeat(maxJsonDepth)}${"]".repeat(maxJsonDepth)}`).ok).toBe(true);
  });

  it("refuses lone surrogates in values and keys, keeps real pairs", () => {
    expect(readJson('{"note":"\\ud800"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lone surrogate/),
    });
    expect(readJson('{"\\udc00":1}').ok).toBe(false);
    expect(readJson('{"note":["x","\\udfff y"]}').ok).toBe(false);
    expect(readJson('{"note":"\\ud83d\\ude00 fine"}')).toEqual({ ok: true, value: { note: "😀 fine" } });
  });

  it("says when the text is not JSON", () => {
    expect(readJson("{nope")).toEqual({ ok: false, message: "The body is not valid JSON." });
  });
});
