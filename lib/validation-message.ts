// A validation message is chosen where a rule finds the problem (a schema, a rule module, the
// server and the browser alike) but worded where it is read, in the reader's language: the rule
// writes `invalid("required", { what: "title" })`, a reference to the catalog's
// `validation.required`; a form, a page or the API words it with `worded` (the API in English
// unless the request names its language: server/http.ts).
// Rules stay free of catalogs, which the browser loads per page.
import type { Messages } from "next-intl";

type Catalog = Messages["validation"];
export type ValidationKey =
  | Exclude<keyof Catalog, "what" | "outcome" | "refusal" | "row" | "param" | "zod">
  // What a form's action answers: "Pledge saved.", "Some fields need attention."
  | `outcome.${keyof Catalog["outcome"]}`
  // Why a write was refused: "There is no pledge with id …", "changed by someone else".
  | `refusal.${keyof Catalog["refusal"]}`
  // What is wrong with a spreadsheet row or its mapping: "is not a number".
  | `row.${keyof Catalog["row"]}`
  // What is wrong with a page's or the API's query parameter: "page is at least 1".
  | `param.${keyof Catalog["param"]}`
  // What zod says where a schema gives no message of its own (lib/zod.ts): "is at most 300 characters".
  | `zod.${keyof Catalog["zod"]}`;
/** A field's name in a message ("title", "lowest quantity"): the catalog's `validation.what.*`. */
export type FieldNoun = keyof Catalog["what"];
/** `what` names the field: a noun of the catalog, or (until the catalog has it) the English noun, kept as it is. */
export type ValidationArgs = { what?: FieldNoun | (string & {}) } & Record<string, string | number>;

// Characters nobody types bound a reference, so that a person's own text is never read as one, and
// a reference inside a longer message ("filters: …") is found there too.
const open = "\u2063msg";
const close = "\u2064";
// `s`: an argument may hold any character, a line separator (U+2028) too.
const references = new RegExp(`${open}(.*?)${close}`, "gsu");

/** The reference to `validation.<key>` with its arguments, as a zod message or a rule's answer. */
export function invalid(key: ValidationKey, args: ValidationArgs = {}): string {
  // A reference among the arguments keeps its bounds escaped, so that this one ends at its own.
  const json = JSON.stringify([key, args]).replace(
    /[\u2063\u2064]/gu,
    (bound) => `\\u${bound.charCodeAt(0).toString(16)}`,
  );
  return `${open}${json}${close}`;
}

/** Words a catalog message (`key` below `validation`, with its arguments), and knows which it has. */
export type Wording = {
  (key: string, args: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** `message` in words: each reference in it worded by `word` (its field noun too); other text as it is. */
export function worded(message: string, word: Wording): string {
  return message.replace(references, (reference, json: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return reference;
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== "string" || !word.has(parsed[0])) return reference;
    const [key, given = {}] = parsed as [string, Record<string, string | number>];
    // An argument may be a reference itself ("Nothing was published: <why>"): worded first.
    const args = Object.fromEntries(
      Object.entries(given).map(([name, value]) => [
        name,
        typeof value === "string" ? worded(value, word) : value,
      ]),
    );
    const noun = typeof args.what === "string" ? `what.${args.what}` : null;
    return word(key, noun && word.has(noun) ? { ...args, what: word(noun, {}) } : args);
  });
}

/** Every message of a field-errors map in words. */
export function wordedFields(fields: Record<string, string>, word: Wording): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, worded(message, word)]));
}
