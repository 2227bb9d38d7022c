// JSON from outside, read in bounded time: nesting is measured before parsing (a deep document
// would otherwise exhaust the parser's stack), and text that cannot be stored (a lone surrogate
// half from "\ud800") is refused after.
import { invalid } from "./validation-message";

export const maxJsonDepth = 32;

/** How deeply `text` nests objects and arrays, counting only brackets outside strings; stops past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return loneSurrogate.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([key, inner]) => loneSurrogate.test(key) || hasLoneSurrogate(inner));
  }
  return false;
}

export type JsonReading = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses JSON text from a request, or says plainly why it cannot be taken. */
export function readJson(text: string): JsonReading {
  if (jsonDepth(text, maxJsonDepth) > maxJsonDepth) {
    return { ok: false, message: invalid("refusal.bodyTooDeep", { depth: maxJsonDepth }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: invalid("refusal.bodyInvalidJson") };
  }
  if (hasLoneSurrogate(value)) {
    return { ok: false, message: invalid("refusal.bodyLoneSurrogate") };
  }
  return { ok: true, value };
}
