import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/locales";
import englishCatalog from "@/messages/en.json";
import frenchCatalog from "@/messages/fr.json";
import ukrainianCatalog from "@/messages/uk.json";
import { progressText } from "./progress-text";

const mb = 1_048_576;
const catalogs = { en: englishCatalog, uk: ukrainianCatalog, fr: frenchCatalog };
const words = (locale: Locale) =>
  createTranslator({ locale, messages: catalogs[locale], namespace: "imports.progress" });
const english = words("en");

describe("progressText", () => {
  it("says how much of the file has gone while it is sent, with the rows the server has read", () => {
    expect(progressText(english, "en", null, 4 * mb, { loaded: mb, total: 4 * mb })).toEqual([
      0.25,
      "Sending the file: 1.0 of 4.0 MB",
    ]);
    expect(
      progressText(english, "en", { phase: "reading", rows: 3000, bytes: mb }, 4 * mb, {
        loaded: 2 * mb,
        total: 4 * mb,
      }),
    ).toEqual([0.5, "Sending the file: 2.0 of 4.0 MB; 3,000 rows read"]);
  });

  it("turns to the server's own progress once the file has gone", () => {
    expect(progressText(english, "en", null, 4 * mb, { loaded: 4 * mb, total: 4 * mb })).toEqual([
      null,
      "File sent; the server is reading it…",
    ]);
    expect(
      progressText(english, "en", { phase: "planning", rows: 50_000 }, 4 * mb, {
        loaded: 4 * mb,
        total: 4 * mb,
      }),
    ).toEqual([null, "Checking 50,000 rows against the database…"]);
    expect(progressText(english, "en", { phase: "writing", done: 100, total: 400 }, 4 * mb, null)).toEqual([
      0.25,
      "Written 100 of 400",
    ]);
    expect(progressText(english, "en", null, 4 * mb)).toEqual([0, "Sending the file…"]);
  });

  it("writes sizes and counts as the reader's language does", () => {
    const space = /[\u00a0\u202f ]/.source;
    const [, uk] = progressText(words("uk"), "uk", { phase: "reading", rows: 3002, bytes: mb }, 4 * mb, {
      loaded: 2.5 * mb,
      total: 4 * mb,
    });
    expect(uk).toMatch(new RegExp(`^Надсилання файлу: 2,5 із 4,0${space}МБ; прочитано 3${space}002 рядки$`));
    const [, fr] = progressText(words("fr"), "fr", { phase: "planning", rows: 1 }, 4 * mb);
    expect(fr).toBe("Vérification de 1 ligne par rapport à la base de données…");
  });
});
