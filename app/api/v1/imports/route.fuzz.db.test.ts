// Generated hostile uploads against the import route on a real database: wide headers, very long
// lines, stray quotes and mixed encodings; then generated requests (mappings with templates,
// defaults, kinds, rounding and corrections; skip-invalid, withdraw-missing, commits) over files
// with formulas, month and year dates, negative and fractional amounts. Every one is answered (a
// result, or an error with its reason) well within 10 s, never 500, and leaves no slot held: a
// good file imports after each of them.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

await seededTestDatabase();
const route = await import("./route");

let analyst: Record<string, string>;
beforeAll(async () => {
  analyst = await bearerHeaders("analyst");
});

const upload = (body: Uint8Array, query = "fileName=fuzz.csv&mode=preview") =>
  route.POST(
    new Request(`http://localhost/api/v1/imports?${query}`, {
      method: "POST",
      headers: analyst,
      body: body.slice(),
    }),
    { params: Promise.resolve({}) },
  );

/** The answer's last NDJSON line, or "no answer" when none came within `ms`. */
async function answered(body: Uint8Array, ms = 10_000, query?: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"no answer">((resolve) => (timer = setTimeout(() => resolve("no answer"), ms)));
  const answer = (async () => {
    const response = await upload(body, query);
    const text = await response.text();
    if (response.headers.get("content-type")?.includes("ndjson")) {
      return JSON.parse(text.trim().split("\n").at(-1)!) as {
        type: string;
        status?: number;
        message?: string;
        outcome?: { kind: string; preview: { digest: string } };
      };
    }
    return {
      type: "refused",
      status: response.status,
      message: (JSON.parse(text) as { error: { message: string } }).error.message,
    };
  })();
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const encode = (text: string) => new TextEncoder().encode(text);
const base = ["Title,Category,Announced", "Fuzz pledge,force,2026-01-06", "Other pledge,enablers,2026-01-07"];

const wide = fc
  .integer({ min: 900, max: 20_000 })
  .map((columns) => encode(`${Array.from({ length: columns }, (_, i) => `c${i}`).join(",")}\n1,2\n`));
const longLine = fc
  .record({
    length: fc.integer({ min: 200_000, max: 3_000_000 }),
    newline: fc.boolean(),
    quoted: fc.boolean(),
  })
  .map(({ length, newline, quoted }) => {
    const cell = "x".repeat(length);
    return encode(`${base[0]}\n${quoted ? `"${cell}` : cell}${newline ? "\n" : ""}`);
  });
const strayQuotes = fc.array(fc.nat(), { minLength: 1, maxLength: 6 }).map((positions) => {
  const text = [...base, ...base.slice(1)].join("\n") + "\n";
  let mangled = text;
  for (const position of positions) {
    const at = position % mangled.length;
    mangled = `${mangled.slice(0, at)}"${mangled.slice(at)}`;
  }
  return encode(mangled);
});
const encodings = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4096 }),
  fc.constant(new Uint8Array(Buffer.from(`${base.join("\n")}\nÉlysée,force,2026-01-06\n`, "latin1"))),
  fc.constant(new Uint8Array(Buffer.from(base.join("\n"), "utf16le"))),
  fc
    .uint8Array({ minLength: 1, maxLength: 512 })
    .map((tail) => new Uint8Array([0xff, 0xfe, ...Buffer.from(base.join("\n"), "utf16le"), ...tail])),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((tail) => new Uint8Array([...encode(base.join("\n")), ...tail])),
);

// Generated requests: mappings (columns, values, templates, defaults, kinds, options) and flags,
// some sound and some not, over files with formulas, month and year dates, negative and
// fractional amounts.
const fieldNames = [
  "title",
  "category",
  "announcedOn",
  "externalId",
  "stakeholders",
  "quantityLow",
  "quantityUnit",
  "status",
  "stakeholderKind",
  "description",
] as const;
const headers = ["Title", "Category", "Announced", "Donor", "Amount", "Unit", "Kind", "{Title}", "#row", ""];
const templateText = fc.oneof(
  fc.constantFrom(
    "{Title} ({Donor})",
    "kiel-{#row}",
    "#row",
    "{Missing}",
    "{",
    "}{",
    "{{Title}}",
    "{#row}{#row}",
  ),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.integer({ min: 1, max: 40 }).map((n) => "{Title}".repeat(n)),
);
const naturalColumns = {
  Title: "title",
  Category: "category",
  Announced: "announcedOn",
  Donor: "stakeholders",
  Amount: "quantityLow",
  Unit: "quantityUnit",
  Kind: "stakeholderKind",
};
const mapping = fc.record({
  columns: fc.oneof(
    fc
      .subarray(Object.entries(naturalColumns), { minLength: 3 })
      .map((entries) => Object.fromEntries(entries)),
    fc.dictionary(fc.constantFrom(...headers), fc.constantFrom(...fieldNames), { maxKeys: 6 }),
  ),
  values: fc.dictionary(
    fc.constantFrom("status", "category", "quantityQualifier", "stakeholderKind"),
    fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("force", "announced", "up_to", "state", "organisation", "nonsense"),
      { maxKeys: 3 },
    ),
    { maxKeys: 2 },
  ),
  composed: fc.dictionary(fc.constantFrom(...fieldNames), templateText, { maxKeys: 3 }),
  defaults: fc.dictionary(
    fc.constantFrom(...fieldNames),
    fc.oneof(
      fc.constantFrom("unknown", "EUR", "2022-03", "2022", "force", "France"),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
    { maxKeys: 3 },
  ),
  round: fc.boolean(),
  corrections: fc.boolean(),
  stakeholderKinds: fc.dictionary(fc.string({ maxLength: 20 }), fc.constantFrom("state", "organisation"), {
    maxKeys: 3,
  }),
});
const digest = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
// Mostly sound requests, so that the file is read and planned; one in eight is not.
const request = fc.oneof(
  {
    weight: 7,
    arbitrary: fc.record({
      mapping: mapping.map((m) => JSON.stringify(m)),
      fileName: fc.constantFrom("fuzz.csv", "tracker.xlsx.csv", "Release 28.csv"),
      skipInvalid: fc.constantFrom("true", "false"),
      withdrawMissing: fc.constantFrom("true", "false"),
      mode: fc.constantFrom("preview", "commit"),
      expect: digest,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      mapping: fc.oneof(
        fc.constantFrom(
          "{",
          "null",
          "[]",
          '{"columns":1}',
          '{"columns":{"A":"nonsense"},"values":{}}',
          "x".repeat(20_000),
        ),
        fc.string({ maxLength: 50 }),
      ),
      fileName: fc.string({ maxLength: 300 }),
      mode: fc.constantFrom("preview", "delete"),
      skipInvalid: fc.constantFrom("maybe", "true"),
    }),
  },
);
const cell = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://x")',
    "+1+1",
    "@SUM(A1)",
    "-1,234.567",
    "1e400",
    "2022-03",
    "2022",
    "unknown",
    "31/02/2026",
    "France; EIB (lead)",
    "",
  ),
  fc.string({ maxLength: 30 }),
);
// Each column mostly what a tracker holds, sometimes anything at all.
const column = (...usual: string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: cell });
const tracker = fc
  .array(
    fc.tuple(
      fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), cell),
      column("force", "Military", "enablers", "assistance"),
      column("2026-01-06", "2022-03", "2022", "unknown", "6 January 2026"),
      column("France", "EIB; Poland (lead)", "European Commission", "Frankreich"),
      column("1,200", "-300", "1234.567", "0.005", "30000"),
      column("EUR", "personnel", "items"),
      column("state", "organisation", "Organisation"),
    ),
    { minLength: 0, maxLength: 30 },
  )
  .map((rows) =>
    encode(
      [
        "Title,Category,Announced,Donor,Amount,Unit,Kind",
        ...rows.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")),
      ].join("\n"),
    ),
  );

describe("the import route under generated hostile files", () => {
  it("answers every one with a reason and leaves no slot held", async () => {
    const good = encode(`${base.join("\n")}\n`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(wide, longLine, strayQuotes, encodings), async (file) => {
        const answer = await answered(file);
        expect(answer).not.toBe("no answer");
        if (answer === "no answer") return;
        if (answer.type !== "result") {
          expect([400, 408, 413, 415, 422]).toContain(answer.status);
          expect(answer.message?.length).toBeGreaterThan(10);
          expect(answer.message).not.toMatch(/\bat \w+ \(|node_modules|TypeError/);
        }
        // The slot is free again: a good file is previewed at once.
        expect(await answered(good)).toMatchObject({ type: "result" });
      }),
      { numRuns: 60 },
    );
  }, 600_000);

  it("answers every generated mapping and option with a result or a reason, never 500, and frees its slot", async () => {
    const good = encode(`${base.join("\n")}\n`);
    const outcomes = new Map<string, number>();
    const check = (answer: Awaited<ReturnType<typeof answered>>) => {
      expect(answer).not.toBe("no answer");
      if (answer === "no answer") return null;
      const kind = answer.type === "result" ? answer.outcome!.kind : `${answer.type} ${answer.status}`;
      outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      if (answer.type !== "result") {
        expect([400, 408, 409, 413, 414, 415, 422]).toContain(answer.status);
        expect(answer.message?.length).toBeGreaterThan(10);
        expect(answer.message).not.toMatch(/\bat \w+ \(|node_modules|TypeError|Prisma/);
      }
      return answer;
    };
    await fc.assert(
      fc.asyncProperty(tracker, request, async (file, given) => {
        const answer = check(await answered(file, 10_000, new URLSearchParams(given).toString()));
        // A commit of what the preview showed: the preview's digest, as the browser sends it.
        if (given.mode === "commit" && answer?.outcome?.kind === "conflict") {
          const query = new URLSearchParams(given);
          query.set("mode", "preview");
          query.delete("expect");
          const digest = check(await answered(file, 10_000, query.toString()))?.outcome?.preview.digest;
          if (digest) {
            query.set("mode", "commit");
            query.set("expect", digest);
            check(await answered(file, 10_000, query.toString()));
          }
        }
        expect(await answered(good)).toMatchObject({ type: "result" });
      }),
      {
        numRuns: 150,
        // A sound file committed against a stale digest, then against the preview's: the generated
        // requests reach these ends only now and then, and every run must reach them.
        examples: [
          [
            encode(
              'Title,Category,Announced,Donor,Amount,Unit,Kind\n"Fuzz example pledge","force","2026-01-06","France","1,200","personnel","state"\n',
            ),
            {
              mapping: JSON.stringify({
                columns: naturalColumns,
                values: {},
                composed: {},
                defaults: {},
                round: false,
                corrections: false,
                stakeholderKinds: {},
              }),
              fileName: "fuzz.csv",
              skipInvalid: "false",
              withdrawMissing: "false",
              mode: "commit",
              expect: "0".repeat(64),
            },
          ],
          // A file that is not UTF-8 (a Latin-1 "é"), and a request the route does not take.
          [
            Uint8Array.of(...encode("Title,Category,Announced\nCaf"), 0xe9, ...encode(",force,2026-01-06\n")),
            {
              mapping: JSON.stringify({
                columns: { Title: "title", Category: "category", Announced: "announcedOn" },
              }),
              fileName: "latin1.csv",
              mode: "preview",
              skipInvalid: "true",
            },
          ],
          [
            encode(`${base.join("\n")}\n`),
            { mapping: "null", fileName: "fuzz.csv", mode: "delete", skipInvalid: "maybe" },
          ],
        ],
      },
    );
    // The requests reached every end: refused, previewed, refused as stale, and written.
    expect([...outcomes.keys()]).toEqual(
      expect.arrayContaining(["error 422", "preview", "conflict", "committed"]),
    );
    expect([...outcomes.keys()].some((kind) => kind.startsWith("refused 400"))).toBe(true);
  }, 600_000);
});
