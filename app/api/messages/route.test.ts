import { describe, expect, it } from "vitest";
import uk from "@/messages/uk.json";
import { browserMessages } from "@/i18n/browser-words";
import { GET } from "./route";

const ask = (query: string) => GET(new Request(`http://localhost/api/messages?${query}`));

describe("GET /api/messages", () => {
  it("answers a language's namespaces, kept for a year at their current version", async () => {
    const { version } = await browserMessages("uk", ["dashboard", "watch"]);
    const response = await ask(`locale=uk&namespace=dashboard&namespace=watch&version=${version}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const words = await response.json();
    expect(Object.keys(words)).toEqual(["dashboard", "watch"]);
    expect(words.watch).toEqual(uk.watch);
  });

  it("answers a page from before the words changed with today's, asked for anew each time", async () => {
    const response = await ask("locale=fr&namespace=watch&version=older");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, no-cache");
  });

  it("gives a new version only when the words differ", async () => {
    const [en, fr, again] = await Promise.all([
      browserMessages("en", ["watch"]),
      browserMessages("fr", ["watch"]),
      browserMessages("en", ["watch"]),
    ]);
    expect(en.version).not.toBe(fr.version);
    expect(again.version).toBe(en.version);
  });

  it("refuses, naming it, a language, a namespace or a parameter it does not know", async () => {
    for (const [query, param] of [
      ["locale=de&namespace=watch", "locale"],
      ["locale=en&namespace=nothing", "namespace"],
      ["locale=en&namespace=watch&lang=en", "lang"],
      ["locale=en&locale=fr&namespace=watch", "locale"],
    ]) {
      const response = await ask(query!);
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      expect(
        error.params.map((p: { param: string }) => p.param),
        query,
      ).toContain(param);
    }
  });
});
