// Generated hostile uploads against the import route on a real database: wide headers, very long
// lines, stray quotes and mixed encodings. Every one is answered (a result, or an error with its
// reason) well within 10 s, and leaves no slot held: a good file imports after each of them.
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

const upload = (body: Uint8Array) =>
  route.POST(
    new Request("http://localhost/api/v1/imports?fileName=fuzz.csv&mode=preview", {
      method: "POST",
      headers: analyst,
      body: body.slice(),
    }),
    { params: Promise.resolve({}) },
  );

/** The answer's last NDJSON line, or "no answer" when none came within `ms`. */
async function answered(body: Uint8Array, ms = 10_000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"no answer">((resolve) => (timer = setTimeout(() => resolve("no answer"), ms)));
  const answer = (async () => {
    const response = await upload(body);
    const text = await response.text();
    if (response.headers.get("content-type")?.includes("ndjson")) {
      return JSON.parse(text.trim().split("\n").at(-1)!) as {
        type: string;
        status?: number;
        message?: string;
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
});
