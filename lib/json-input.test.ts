import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import { jsonDepth, maxJsonDepth, readJson } from "./json-input";

/** Why `text` is refused, in English words; null when it is taken. */
function refusal(text: string): string | null {
  const read = readJson(text);
  return read.ok ? null : inEnglish(read.message);
}

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
    expect(refusal(deep)).toBe(`The body nests more than ${maxJsonDepth} levels deep.`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(readJson(`${"[".repeat(maxJsonDepth)}${"]".repeat(maxJsonDepth)}`).ok).toBe(true);
  });

  it("refuses lone surrogates in values and keys, keeps real pairs", () => {
    expect(refusal('{"note":"\\ud800"}')).toMatch(/lone surrogate/);
    expect(readJson('{"\\udc00":1}').ok).toBe(false);
    expect(readJson('{"note":["x","\\udfff y"]}').ok).toBe(false);
    expect(readJson('{"note":"\\ud83d\\ude00 fine"}')).toEqual({ ok: true, value: { note: "😀 fine" } });
  });

  it("says when the text is not JSON", () => {
    expect(refusal("{nope")).toBe("The body is not valid JSON.");
  });
});
