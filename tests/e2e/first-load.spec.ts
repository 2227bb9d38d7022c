import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./support/users";

// A phone's first Intl formatter costs it some 200 ms of blocked main thread (its locale data
// loaded) just as the page becomes interactive: Lighthouse's total blocking time. So the pages read
// first write their dates and numbers on the server, and their browser code makes no formatter
// while the page loads; one is made when asked for (a chart drawn, a citation opened, a date typed).

declare global {
  interface Window {
    formattersMade?: string[];
  }
}

/** From the next page on, counts what the page's code asks Intl for, one line each, with where. */
async function watchFormatters(page: Page) {
  await page.addInitScript(() => {
    const made: string[] = [];
    window.formattersMade = made;
    const note = (what: string) => made.push(`${what} ${new Error().stack?.split("\n")[3]?.trim() ?? ""}`);
    for (const name of [
      "DateTimeFormat",
      "NumberFormat",
      "ListFormat",
      "PluralRules",
      "RelativeTimeFormat",
      "Collator",
      "Segmenter",
    ] as const) {
      // Counted whether made with new or without, its static methods kept.
      const counted = new Proxy(Intl[name], {
        construct(target, args, newTarget) {
          note(`Intl.${name}`);
          return Reflect.construct(target, args, newTarget) as object;
        },
        apply(target, self, args) {
          note(`Intl.${name}`);
          return Reflect.apply(target as unknown as (...args: unknown[]) => unknown, self, args);
        },
      });
      Object.assign(Intl, { [name]: counted });
    }
    for (const [owner, method] of [
      [Number.prototype, "toLocaleString"],
      [BigInt.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleString"],
      [Date.prototype, "toLocaleDateString"],
      [Date.prototype, "toLocaleTimeString"],
      [String.prototype, "localeCompare"],
    ] as [object, string][]) {
      const original = (owner as Record<string, (...args: unknown[]) => string>)[method]!;
      Object.defineProperty(owner, method, {
        value: function (this: unknown, ...args: unknown[]) {
          note(method);
          return original.apply(this, args);
        },
      });
    }
  });
}

/** What a page asked Intl for while loading (watchFormatters first). */
async function formattersMadeLoading(page: Page, path: string): Promise<string[]> {
  // Every chunk loaded (a chart's included, had one been drawn), then nothing left to run.
  await page.goto(path, { waitUntil: "networkidle" });
  // Hydrated, its effects run: a page is interactive once nothing is left to run.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2_000 })));
  return page.evaluate(() => window.formattersMade ?? []);
}

// A phone's screen, as Lighthouse's: what is drawn only once scrolled to stays undrawn.
test.use({ viewport: { width: 412, height: 823 } });

test.describe("pages a reader opens first", () => {
  test("make no Intl formatter in the browser while loading", async ({ page }) => {
    await watchFormatters(page);
    await page.goto("/pledges");
    const pledge = await page
      .getByTestId("pledge-row")
      .first()
      .getByRole("link")
      .first()
      .getAttribute("href");
    expect(pledge).toMatch(/^\/pledges\/\w+$/);
    for (const path of [
      "/dashboard",
      "/pledges",
      pledge!,
      "/stakeholders/france",
      "/conditions/russia-agrees-to-ceasefire",
    ]) {
      expect(await formattersMadeLoading(page, path), path).toEqual([]);
    }
  });
});

test.describe("pages analysts and admins open first", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("make no Intl formatter in the browser while loading", async ({ page }) => {
    await watchFormatters(page);
    for (const path of ["/import", "/admin", "/manage/stakeholder"]) {
      expect(await formattersMadeLoading(page, path), path).toEqual([]);
    }
  });
});

test("the guard sees a formatter made", async ({ page }) => {
  // The counting itself: a page that formats a number in the browser is caught.
  await watchFormatters(page);
  const made = await formattersMadeLoading(page, "/pledges");
  expect(made).toEqual([]);
  expect(
    await page.evaluate(() => {
      (12_345).toLocaleString("en-GB");
      new Intl.NumberFormat("en-GB").format(1);
      Intl.DateTimeFormat("en-GB").format(0);
      return window.formattersMade?.map((line) => line.split(" ")[0]);
    }),
  ).toEqual(["toLocaleString", "Intl.NumberFormat", "Intl.DateTimeFormat"]);
});

test("no browser code carries a whole catalog: pages hand their client components only their namespaces", async () => {
  // The catalogs' words for the page's <meta name="description"> are only ever needed on the server.
  const { readdirSync, readFileSync } = await import("node:fs");
  const path = await import("node:path");
  const chunks = path.join(process.cwd(), ".next", "static", "chunks");
  const serverOnly = ["en", "uk", "fr"].map(
    (locale) =>
      (
        JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as {
          meta: { description: string };
        }
      ).meta.description,
  );
  const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".js"),
  );
  expect(files.length).toBeGreaterThan(5);
  const carrying = files.filter((file) => {
    const code = readFileSync(path.join(chunks, file), "utf8");
    return serverOnly.some((text) => code.includes(text.slice(0, 40)));
  });
  expect(carrying).toEqual([]);
});
