import { describe, expect, it } from "vitest";
import { noRecords } from "@/lib/rules/intake/suggestions";
import { ModelError, modelExtractor, modelPartChars, partsOf, rulesExtractor } from "./extractors";
import { inEnglish } from "@/i18n/translate";

/** Why a reading failed, in English words. */
const refusalOf = (reading: Promise<unknown>) =>
  reading.then(
    () => "no refusal",
    (error: Error) => inEnglish(error.message),
  );

const text =
  "France and the UK committed to building maintenance hubs within Ukraine. Experts estimate 50,000 to 100,000 troops are needed.";
const config = { url: "http://model.test/v1/", model: "test-model", apiKey: "secret", timeoutSeconds: 30 };

/** A fetch that answers as an OpenAI-compatible server would, with `content` as the model's message; it records what it was sent. */
function fakeModel(content: unknown, status = 200) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    const body =
      typeof content === "string"
        ? content
        : JSON.stringify({ choices: [{ message: { content: JSON.stringify(content) } }] });
    return new Response(body, { status });
  }) as typeof fetch;
  return { fetcher, sent };
}

describe("the model extractor", () => {
  it("asks the configured endpoint and keeps only suggestions whose quotes are verbatim", async () => {
    const { fetcher, sent } = fakeModel({
      suggestions: [
        {
          kind: "pledge",
          quote: "France and the UK committed to building maintenance hubs within Ukraine",
          title: "Maintenance hubs",
          category: "infrastructure",
          status: "committed",
          parties: ["France", "United Kingdom"],
        },
        // Not verbatim: a word changed.
        {
          kind: "pledge",
          quote: "France and Britain committed to building hubs",
          category: "infrastructure",
        },
        // Its figure disagrees with the quote: the grammar's reading wins.
        {
          kind: "requirement",
          quote: "50,000 to 100,000 troops",
          title: "Troops",
          quantity: { low: 5, high: 10, unit: "troops", qualifier: "exact" },
        },
        // Not a suggestion at all.
        { kind: "weather", quote: "sunny" },
      ],
    });
    const reading = await modelExtractor(config, fetcher).read(text, noRecords);
    expect(reading.dropped).toBe(2);
    expect(
      reading.suggestions.map((suggestion) => text.slice(suggestion.quote.start, suggestion.quote.end)),
    ).toEqual([
      "France and the UK committed to building maintenance hubs within Ukraine",
      "50,000 to 100,000 troops",
    ]);
    const [pledge, requirement] = reading.suggestions;
    expect(pledge).toMatchObject({
      kind: "pledge",
      category: "infrastructure",
      status: "committed",
      parties: [
        expect.objectContaining({ name: "France", countryCode: "FR" }),
        expect.objectContaining({ name: "United Kingdom" }),
      ],
    });
    expect(requirement).toMatchObject({
      kind: "requirement",
      quantity: { low: "50000", high: "100000", unit: "personnel" },
    });

    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("http://model.test/v1/chat/completions");
    expect((sent[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer secret");
    const body = JSON.parse(String(sent[0]!.init.body)) as { model: string; messages: { content: string }[] };
    expect(body.model).toBe("test-model");
    expect(body.messages.at(-1)!.content).toBe(text);
  });

  it("says what went wrong when the model does not answer usefully", async () => {
    const cases: [ReturnType<typeof fakeModel>["fetcher"], RegExp][] = [
      [fakeModel({}, 503).fetcher, /answered HTTP 503/],
      [fakeModel("not json at all").fetcher, /not the JSON asked for/],
      [fakeModel({ answer: "no suggestions key" }).fetcher, /not the JSON asked for/],
      [(async () => Promise.reject(new TypeError("fetch failed"))) as typeof fetch, /could not be reached/],
    ];
    for (const [fetcher, message] of cases) {
      await expect(modelExtractor(config, fetcher).read(text, noRecords)).rejects.toThrow(ModelError);
      expect(await refusalOf(modelExtractor(config, fetcher).read(text, noRecords))).toMatch(message);
    }
  });
});

describe("a long text asked about in parts", () => {
  const sentence = (index: number) => `Report ${index}: Denmark will send 100 engineers to Ukraine. `;
  const long = Array.from({ length: 600 }, (_, index) => sentence(index)).join("");

  it("cuts the text between passages into parts no longer than a question holds", () => {
    const parts = partsOf(long);
    expect(parts.length).toBe(Math.ceil(long.length / modelPartChars));
    for (const part of parts) {
      expect(part.end - part.start).toBeLessThanOrEqual(modelPartChars);
      expect(long.slice(part.start, part.end)).toMatch(/^Report \d+:.*\.$/s);
    }
    expect(parts.at(-1)!.end).toBe(long.trimEnd().length);
  });

  it("cuts a passage longer than a part after a space", () => {
    const run = `Ukraine ${"and its allies ".repeat(2000)}agreed.`;
    const parts = partsOf(run);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.end - part.start).toBeLessThanOrEqual(modelPartChars);
    // Every word is in a part, once, in order (the spaces between parts are in none).
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(parts.flatMap((part) => words(run.slice(part.start, part.end)))).toEqual(words(run));
  });

  it("asks about each part and places each quote in the part it came from", async () => {
    const asked: string[] = [];
    const fetcher = (async (_url: string | URL | Request, init?: RequestInit) => {
      const { messages } = JSON.parse(String(init?.body)) as { messages: { content: string }[] };
      const part = messages.at(-1)!.content;
      asked.push(part);
      // The same words are in every part: each answer's quote belongs to its own.
      const quote = "Denmark will send 100 engineers to Ukraine";
      return new Response(
        JSON.stringify({
          choices: [
            {
              message: {
                content: JSON.stringify({ suggestions: [{ kind: "pledge", quote, category: "force" }] }),
              },
            },
          ],
        }),
      );
    }) as typeof fetch;
    const reading = await modelExtractor(config, fetcher).read(long, noRecords);
    const parts = partsOf(long);
    expect(asked).toEqual(parts.map((part) => long.slice(part.start, part.end)));
    expect(reading.suggestions.map((suggestion) => suggestion.quote.start)).toEqual(
      parts.map((part) => long.indexOf("Denmark", part.start)),
    );
    expect(new Set(reading.suggestions.map((suggestion) => suggestion.key)).size).toBe(parts.length);
  });

  it("stops when the reading has taken its time, saying how far it got", async () => {
    let calls = 0;
    const fetcher = (async (_url: string | URL | Request, init?: RequestInit) => {
      calls++;
      if (calls === 1)
        return new Response(JSON.stringify({ choices: [{ message: { content: '{"suggestions": []}' } }] }));
      // The second part never answers: the reading's time runs out.
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason as Error)),
      );
    }) as typeof fetch;
    const reading = modelExtractor({ ...config, timeoutSeconds: 1 }, fetcher).read(long, noRecords);
    await expect(reading).rejects.toThrow(ModelError);
    expect(await refusalOf(reading)).toMatch(
      /did not finish within 1 seconds \(it had read 1 of the text's \d+ parts\)/,
    );
  });
});

describe("the rules extractor", () => {
  it("reads the text with the rules, every quote verbatim", async () => {
    const reading = await rulesExtractor.read(text, noRecords);
    expect(reading.dropped).toBe(0);
    expect(reading.suggestions.map((suggestion) => suggestion.kind).sort()).toEqual([
      "figure",
      "pledge",
      "requirement",
    ]);
  });
});
