// One table of values, three ways in: the add form (its server action), the API (POST
// /api/v1/pledges) and the import's row reader must refuse and accept exactly the same values for
// every field, and store an accepted value the same way. Each case changes one field of a valid
// pledge. (The import also reads what only a spreadsheet holds, such as category labels or
// spreadsheet dates; those are the import's own tests.)
import { beforeAll, describe, expect, it, vi } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
class Redirected extends Error {}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Redirected) throw error;
  },
}));

const { db } = await seededTestDatabase();
const { savePledgeAction } = await import("./actions");
const { POST } = await import("@/app/api/v1/pledges/route");
const { readPledgeRow } = await import("@/features/imports/rows");

let analyst: Record<string, string>;
beforeAll(async () => {
  analyst = await bearerHeaders("analyst");
  requestHeaders = new Headers(analyst);
});

type Fields = Record<string, string>;
const valid: Fields = {
  title: "Three paths",
  category: "force",
  quantityUnit: "personnel",
  quantityLow: "1,200",
  quantityHigh: "",
  quantityQualifier: "up_to",
  deliveredQuantity: "",
  announcedOn: "2026-02-01",
  dueOn: "",
  description: "",
  scope: "",
  externalId: "",
  sourceTitle: "Ministry statement",
  sourceUrl: "https://example.org/statement",
  sourceQuote: "up to 1,200",
};

const long = (n: number) => "x".repeat(n);
// [what, the fields changed, accepted?]
const cases: [string, Fields, boolean][] = [
  ["a valid pledge", {}, true],
  ["no title", { title: "" }, false],
  ["a title at the limit", { title: long(300) }, true],
  ["a title over it", { title: long(301) }, false],
  ["a description at the limit", { description: long(5000) }, true],
  ["a description over it", { description: long(5001) }, false],
  ["a scope over the limit", { scope: long(1001) }, false],
  // External ids are unique: each path gets its own ("{path}" is its initial).
  ["an external id at the limit", { externalId: `${long(199)}{path}` }, true],
  ["an external id over it", { externalId: `${long(200)}{path}` }, false],
  ["an unknown category", { category: "navy" }, false],
  ["an unknown qualifier", { quantityQualifier: "maybe" }, false],
  ["a currency in lower case", { quantityUnit: "eur", quantityLow: "2.50" }, true],
  ["a unit of two words", { quantityUnit: "fighter jets", quantityLow: "12" }, true],
  ["a unit with a digit", { quantityUnit: "F16s" }, false],
  ["a unit too long", { quantityUnit: long(41) }, false],
  ["an amount with no unit", { quantityUnit: "" }, false],
  ["an amount without separators", { quantityLow: "1200" }, true],
  ["an amount with spaces between thousands", { quantityLow: "1 200" }, true],
  ["a negative amount", { quantityLow: "-5" }, false],
  ["an amount that is not a number", { quantityLow: "many" }, false],
  ["a comma before four digits", { quantityLow: "10,0000" }, false],
  ["a decimal comma for EUR", { quantityUnit: "EUR", quantityLow: "2,50" }, true],
  ["decimals of personnel", { quantityLow: "12.5" }, false],
  ["cents of EUR", { quantityUnit: "EUR", quantityLow: "2.50" }, true],
  ["a thousandth of EUR", { quantityUnit: "EUR", quantityLow: "2.505" }, false],
  ["a range", { quantityLow: "1,000", quantityHigh: "2,000" }, true],
  ["a range upside down", { quantityLow: "2,000", quantityHigh: "1,000" }, false],
  ["a highest amount alone", { quantityLow: "", quantityHigh: "1,000" }, false],
  ["a delivery with the pledge", { deliveredQuantity: "300" }, true],
  ["a negative delivery", { deliveredQuantity: "-300" }, false],
  ["no announcement", { announcedOn: "" }, false],
  ["a day that does not exist", { announcedOn: "2026-02-30" }, false],
  ["a day out of range", { announcedOn: "1850-01-01" }, false],
  ["due the day it was announced", { dueOn: "2026-02-01" }, true],
  ["due before it was announced", { dueOn: "2026-01-31" }, false],
  ["a source address that is not the web", { sourceUrl: "javascript:alert(1)" }, false],
  ["a source address by FTP", { sourceUrl: "ftp://example.org/file" }, false],
  ["a source title over the limit", { sourceTitle: long(301) }, false],
  ["a quote at the limit", { sourceQuote: long(5000) }, true],
  ["a quote over it", { sourceQuote: long(5001) }, false],
];

async function viaForm(fields: Fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("version", "1");
  form.set("sourceMode", "new");
  form.set("sourcePublisher", "");
  try {
    const state = await savePledgeAction({ status: "idle" }, form);
    return { accepted: false, detail: JSON.stringify(state.fields ?? state.message) };
  } catch (error) {
    if (!(error instanceof Redirected)) throw error;
    const id = error.message.split("/").pop()!;
    return { accepted: true, detail: id, stored: await stored(id) };
  }
}

async function viaApi(fields: Fields) {
  const { sourceTitle, sourceUrl, sourceQuote, ...pledge } = fields;
  const response = await POST(
    new Request("http://localhost/api/v1/pledges", {
      method: "POST",
      headers: { ...analyst, "content-type": "application/json" },
      body: JSON.stringify({
        ...pledge,
        stakeholders: [],
        conditionIds: [],
        source: { title: sourceTitle, url: sourceUrl, quote: sourceQuote },
      }),
    }),
    routeContext({}),
  );
  const body = (await response.json()) as { data?: { id: string }; error?: unknown };
  if (response.status !== 201)
    return { accepted: false, detail: `${response.status} ${JSON.stringify(body.error)}` };
  return { accepted: true, detail: body.data!.id, stored: await stored(body.data!.id) };
}

function viaImport(fields: Fields) {
  const headers = Object.keys(fields);
  const mapping = Object.fromEntries(headers.map((header) => [header, header])) as Parameters<
    typeof readPledgeRow
  >[3];
  const outcome = readPledgeRow(2, headers, Object.values(fields), mapping);
  if (outcome.kind !== "pledge") return { accepted: false, detail: JSON.stringify(outcome) };
  const { quantityUnit, quantityLow, quantityHigh, deliveredQuantity, title } = outcome.pledge;
  return {
    accepted: true,
    detail: "",
    stored: { title, quantityUnit, quantityLow, quantityHigh, deliveredQuantity },
  };
}

async function stored(id: string) {
  const { title, quantityUnit, quantityLow, quantityHigh, deliveredQuantity } =
    await db().pledge.findUniqueOrThrow({
      where: { id },
    });
  return { title, quantityUnit, quantityLow, quantityHigh, deliveredQuantity };
}

describe("the form, the API and the import", () => {
  for (const [what, change, accepted] of cases) {
    it(`${accepted ? "accept" : "refuse"} ${what}`, async () => {
      const on = (path: string) =>
        Object.fromEntries(
          Object.entries({ ...valid, ...change }).map(([key, value]) => [key, value.replace("{path}", path)]),
        );
      const [form, api] = [await viaForm(on("f")), await viaApi(on("a"))];
      const imported = viaImport(on("i"));
      expect(
        { form: form.accepted, api: api.accepted, import: imported.accepted },
        JSON.stringify({ form: form.detail, api: api.detail, imported: imported.detail }),
      ).toEqual({
        form: accepted,
        api: accepted,
        import: accepted,
      });
      if (accepted) {
        expect(api.stored).toEqual(form.stored);
        expect(imported.stored).toEqual(form.stored);
      }
    });
  }
});
