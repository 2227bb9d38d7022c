import { describe, expect, it } from "vitest";
import englishCatalog from "@/messages/en.json";
import { noteArguments, noteIn, systemNote, type SystemNote } from "./system-notes";

describe("the notes Pledgewatch writes itself", () => {
  it("are stored in English and shown in the reader's language", () => {
    const stored = systemNote("withdrawnMissing", { file: "tracker, v2.csv" });
    expect(stored).toBe(
      "Not in tracker, v2.csv, the new release of the file it was imported from: recorded as withdrawn.",
    );
    expect(noteIn(stored, "en")).toBe(stored);
    expect(noteIn(stored, "uk")).toBe(
      "Немає у tracker, v2.csv — новій версії файлу, з якого його імпортовано: записано як відкликане.",
    );
    expect(noteIn(systemNote("changedInEdit"), "fr")).toBe("Modifié lors d’une mise à jour");
  });

  it("count in the language's plural forms", () => {
    const taken = (count: number) => systemNote("takenIn", { mediaType: "application/pdf", count });
    expect(noteIn(taken(3), "uk", "audit")).toBe(
      "Надійшло на опрацювання джерел (application/pdf, 3 пропозиції)",
    );
    expect(noteIn(taken(5), "uk", "audit")).toBe(
      "Надійшло на опрацювання джерел (application/pdf, 5 пропозицій)",
    );
    expect(noteIn(taken(1_200), "fr", "audit")).toBe(
      "Reçu au dépouillement (application/pdf, 1\u202f200 propositions)",
    );
  });

  it("leave a person's note as it was written, even one that begins like Pledgewatch's", () => {
    expect(noteIn("Confirmed by the ministry", "uk")).toBe("Confirmed by the ministry");
    expect(noteIn("Changed in an edit, after the call", "fr")).toBe("Changed in an edit, after the call");
  });

  it("each note is recognised again from what it stored", () => {
    for (const key of Object.keys(englishCatalog.systemNote) as SystemNote[]) {
      const stored = systemNote(key, {
        file: "a.csv",
        title: "Élysée",
        quote: "We will",
        mediaType: "text/plain",
        count: 2,
        row: 12,
        sessions: 1,
        tokens: 0,
      });
      const shown = [noteIn(stored, "uk", "event"), noteIn(stored, "uk", "audit")];
      expect(
        shown.some((note) => note !== stored),
        key,
      ).toBe(true);
    }
  });

  it("read an analyst's note on an event that reads like an audit note as written, and a quote's figures too", () => {
    expect(noteIn("Import of Leopard tanks", "uk", "event")).toBe("Import of Leopard tanks");
    for (const kind of ["event", "audit"] as const) {
      expect(noteIn(systemNote("importedFromRow", { file: "a.csv", row: 12 }), "uk", kind)).toBe(
        "Імпортовано з a.csv, рядок 12.",
      );
    }
    // The audit trail carries its events' notes too.
    expect(noteIn(systemNote("recordedWithPledge"), "uk", "audit")).toBe("Записано разом із зобов’язанням");
    const cited = systemNote("citedSource", { title: "Élysée", quote: "5,000 troops" });
    expect(noteIn(cited, "fr", "audit")).toBe("Cité «\u00a0Élysée\u00a0»\u00a0: «\u00a05,000 troops\u00a0»");
  });

  it("take the arguments the catalog's English names", () => {
    for (const [key, english] of Object.entries(englishCatalog.systemNote)) {
      const named = [...english.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(named, key).toEqual(noteArguments[key as SystemNote]);
    }
  });
});
