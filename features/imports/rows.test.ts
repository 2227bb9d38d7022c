import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/locales";
import type { ColumnMapping } from "./fields";
import { readPledgeRow } from "./rows";

describe("a row's problems, in the language of the import page", () => {
  const headers = ["Title", "Category", "Announced", "Quantity low", "Unit or currency", "Source URL"];
  const mapping: ColumnMapping = {
    Title: "title",
    Category: "category",
    Announced: "announcedOn",
    "Quantity low": "quantityLow",
    "Unit or currency": "quantityUnit",
    "Source URL": "sourceUrl",
  };
  const cells = ["", "tanks", "06/01/2026", "many", "personnel", "elysee.fr"];
  const problems = (locale?: Locale) => {
    const outcome = readPledgeRow(2, headers, cells, mapping, {}, { locale });
    return outcome.kind === "invalid"
      ? outcome.errors.map((error) => `${error.column}: ${error.message}`)
      : [];
  };

  it("are in English by default, as the command line and the API say them", () => {
    expect(problems()).toEqual([
      "Title: Title is required",
      'Category: "tanks" is not a known category; map it to one of: force, monitoring, infrastructure, guarantee, assistance, enablers, other',
      'Announced: "06/01/2026" could be day/month or month/day; write it as YYYY-MM-DD',
      'Quantity low: "many" is not a number',
      'Source URL: "elysee.fr" is not a web address (https://…)',
      "(row): more problems in this row: fix the ones above first",
    ]);
  });

  it("are in Ukrainian and French when the page reads so, values quoted as each language quotes", () => {
    expect(problems("uk")).toEqual([
      "Title: поле «Назва» обов’язкове",
      "Category: «tanks» — невідоме значення поля «Категорія»; зіставте його з одним із таких: force, monitoring, infrastructure, guarantee, assistance, enablers, other",
      "Announced: «06/01/2026» можна прочитати як день/місяць або місяць/день; запишіть як YYYY-MM-DD",
      "Quantity low: «many» — не число",
      "Source URL: «elysee.fr» — не вебадреса (https://…)",
      "(рядок): у цьому рядку є ще проблеми: спершу виправте ті, що вище",
    ]);
    expect(problems("fr")).toEqual([
      "Title: le champ «\u00a0Titre\u00a0» est obligatoire",
      "Category: «\u00a0tanks\u00a0» n’est pas une valeur connue du champ «\u00a0Catégorie\u00a0»\u00a0; associez-la à l’une de celles-ci\u00a0: force, monitoring, infrastructure, guarantee, assistance, enablers, other",
      "Announced: «\u00a006/01/2026\u00a0» peut se lire jour/mois ou mois/jour\u00a0; écrivez-la YYYY-MM-DD",
      "Quantity low: «\u00a0many\u00a0» n’est pas un nombre",
      "Source URL: «\u00a0elysee.fr\u00a0» n’est pas une adresse web (https://…)",
      "(ligne): d’autres problèmes dans cette ligne\u00a0: corrigez d’abord ceux ci-dessus",
    ]);
  });
});
