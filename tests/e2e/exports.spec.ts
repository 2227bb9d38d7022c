import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { Package } from "datapackage";
import { breakdownResponse, pledgeListResponse, summaryResponse } from "@/features/api/schemas";
import { sheetsThroughLibreOffice } from "./support/readers";

// The exports read back by independent readers (a CSV parser, LibreOffice, pdftotext): their totals
// must equal the API's summary, which equals the dashboard's.

const scenario = "assume=russia-agrees-to-ceasefire&assume=ceasefire-line-agreed";

async function summaryOf(request: APIRequestContext, query: string) {
  return summaryResponse.parse(await (await request.get(`/api/v1/summary?${query}`)).json()).data;
}

function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-export-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A binary greyscale image (PGM, as pdftoppm -gray writes it): its size and each pixel's 0–255. */
function readPgm(bytes: Buffer) {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"))!;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  return { width, height, pixel: (x: number, y: number) => bytes[start + y * width + x]! };
}

const number = (cell: string | undefined) =>
  cell?.endsWith("%") ? Number(cell.slice(0, -1)) / 100 : Number(cell?.replaceAll(",", ""));

test.describe("exports", () => {
  test("pledges.csv: one row per pledge, totals equal to the summary, its view in its name", async ({
    request,
  }) => {
    const named = {
      "": /"pledgewatch-pledges-\d{4}-\d{2}-\d{2}\.csv"/,
      [scenario]:
        /"pledgewatch-pledges-if-russia-agrees-to-ceasefire-if-ceasefire-line-agreed-\d{4}-\d{2}-\d{2}\.csv"/,
    };
    for (const [query, name] of Object.entries(named)) {
      const response = await request.get(`/api/v1/exports/pledges.csv?${query}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-disposition"]).toMatch(name);
      const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
      const list = pledgeListResponse.parse(
        await (await request.get(`/api/v1/pledges?pageSize=200&${query}`)).json(),
      );
      expect(rows).toHaveLength(list.total);

      const summary = await summaryOf(request, query);
      const counted = rows.filter((row) => row.unit === "personnel" && row.lifecycle_status !== "withdrawn");
      const sum = (which: (row: Record<string, string>) => boolean) =>
        counted.filter(which).reduce((total, row) => total + Number(row.quantity_high), 0);
      expect(sum(() => true)).toBe(summary.pledged.high);
      expect(sum((row) => row.effective_status !== "conditional")).toBe(summary.unconditional.high);
    }
  });

  test("report.xlsx: read by LibreOffice, About this report states its view, the Summary sheet holds the summary's numbers", async ({
    request,
  }) => {
    const work = scratch();
    try {
      const response = await request.get(`/api/v1/exports/report.xlsx?${scenario}&stakeholder=france`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-disposition"]).toMatch(
        /"pledgewatch-report-france-if-russia-agrees-to-ceasefire-if-ceasefire-line-agreed-\d{4}-\d{2}-\d{2}\.xlsx"/,
      );
      const file = path.join(work.dir, "report.xlsx");
      writeFileSync(file, await response.body());
      const sheets = sheetsThroughLibreOffice(file, work.dir);
      expect([...sheets.keys()].sort()).toEqual(
        [
          "About this report",
          "By category",
          "By lead",
          "By stakeholder",
          "By status",
          "Conditions",
          "Pledges",
          "Sources",
          "Status history",
          "Summary",
        ].sort(),
      );
      const about = new Map(sheets.get("About this report")!.map((row) => [row[0], row[1]]));
      expect(about.get("Stakeholders")).toBe("France");
      expect(about.get("Scenario")).toBe(
        "Assumes met: Russia agrees to a ceasefire; Boundaries of the ceasefire line agreed",
      );
      expect(about.get("As of")).toBe("Today, as recorded");
      expect(about.get("Made")).toMatch(/^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC, by /);
      // At the site's public address, else at the one asked.
      expect(about.get("The same view")).toMatch(
        /^http:\/\/(localhost|127\.0\.0\.1):\d+\/dashboard\/briefing\?stakeholder=france&assume=russia-agrees-to-ceasefire&assume=ceasefire-line-agreed$/,
      );
      expect(about.get("How it counts")).toMatch(/^A pledge is conditional while/);
      const summary = await summaryOf(request, `${scenario}&stakeholder=france`);
      const figure = (name: string) => sheets.get("Summary")!.find((row) => row[0] === name)!;
      for (const name of ["required", "pledged", "unconditional", "delivered", "shortfall"] as const) {
        const row = figure(name[0]!.toUpperCase() + name.slice(1));
        expect([number(row[1]), number(row[2]), row[3]], name).toEqual([
          summary[name]!.low,
          summary[name]!.high,
          summary[name]!.bound,
        ]);
      }
      const coverage = figure("Coverage");
      expect([number(coverage[1]), number(coverage[2])]).toEqual([
        summary.coverage!.low,
        summary.coverage!.high,
      ]);
      expect(sheets.get("Pledges")!.length - 1).toBe(summary.pledges);
      // Each breakdown sheet holds the API's breakdown of the same view, delivered beside pledged.
      for (const by of ["status", "category", "stakeholder", "lead"]) {
        const api = breakdownResponse.parse(
          await (await request.get(`/api/v1/breakdown?by=${by}&${scenario}&stakeholder=france`)).json(),
        ).data;
        const sheet = sheets.get(`By ${by}`)!;
        expect(sheet[0]!.slice(0, 9)).toEqual([
          by,
          `${by}_label`,
          "pledges",
          "pledged_low",
          "pledged_high",
          "pledged_label",
          "delivered_low",
          "delivered_high",
          "delivered_label",
        ]);
        expect(
          sheet
            .slice(1)
            .map((row) => [
              row[0] ?? "",
              row[1],
              number(row[2]),
              number(row[3]),
              number(row[4]),
              number(row[7]),
            ]),
          by,
        ).toEqual(
          api.map((row) => [
            row.key,
            row.label,
            row.pledges,
            row.pledged!.low,
            row.pledged!.high,
            row.delivered!.high,
          ]),
        );
      }
      // Counted once by lead, the pledges add up to the total; counted for each carrier, to more.
      const pledgesIn = (sheet: string) =>
        sheets
          .get(sheet)!
          .slice(1)
          .reduce((sum, row) => sum + number(row[2]), 0);
      expect(pledgesIn("By lead")).toBe(summary.pledges);
      expect(pledgesIn("By stakeholder")).toBeGreaterThan(summary.pledges);
      expect(sheets.get("Status history")!.length).toBeGreaterThan(1);

      // As a reader sees it: bounds in words, thousands separated, shares as percentages, and
      // each status change with its sources.
      const shown = sheetsThroughLibreOffice(file, work.dir, { asShown: true });
      const france = shown.get("By stakeholder")!.find((row) => row[1] === "France")!;
      expect(france[3]).toMatch(/^\d{1,3}(,\d{3})+$/);
      expect(france[5]).toMatch(/^up to \d{1,3}(,\d{3})+ personnel$/);
      const shownCoverage = shown.get("Summary")!.find((row) => row[0] === "Coverage")!;
      expect(shownCoverage[1]).toMatch(/^\d+\.\d%$/);
      expect(shownCoverage[4]).toMatch(/%$/);
      const pledged = shown.get("Summary")!.find((row) => row[0] === "Pledged")!;
      expect(pledged[4]).toMatch(/personnel$/);
      const history = shown.get("Status history")!;
      const sourcesAt = history[0]!.indexOf("sources");
      // The seed's sources are known by title alone (no publisher, date or address is recorded).
      expect(
        history.filter((row) => row[sourcesAt]!.startsWith("Paris talks, day two")).length,
      ).toBeGreaterThan(0);
      expect(history[0]).toContain("to_label");
    } finally {
      work.remove();
    }
  });

  test("report.xlsx: workbooks asked for at the same time each come out whole, as one asked for alone", async ({
    request,
  }) => {
    const work = scratch();
    try {
      // The workbooks are written on a thread kept between them; at the same time, each gets its own.
      const views = ["", `${scenario}&stakeholder=france`, "metric=personnel&status=committed", ""];
      const download = async (query: string, name: string) => {
        const response = await request.get(`/api/v1/exports/report.xlsx?${query}`);
        expect(response.status()).toBe(200);
        const file = path.join(work.dir, `${name}.xlsx`);
        writeFileSync(file, await response.body());
        return file;
      };
      const alone = [];
      for (const [index, query] of views.entries()) alone.push(await download(query, `alone-${index}`));
      const together = await Promise.all(views.map((query, index) => download(query, `together-${index}`)));
      // Sheets 3 and 9 (Pledges, Status history) say nothing of when they were made: the same view
      // gives the same bytes. Every part of every file unzips intact.
      const part = (file: string, name: string) =>
        execFileSync("unzip", ["-p", file, `xl/worksheets/${name}.xml`]).toString("utf8");
      for (const [index, file] of together.entries()) {
        execFileSync("unzip", ["-tq", file]);
        for (const sheet of ["sheet3", "sheet9"]) expect(part(file, sheet)).toBe(part(alone[index]!, sheet));
      }
      // Different views, different pledges: the files were not mixed up.
      expect(part(together[1]!, "sheet3")).not.toBe(part(together[0]!, "sheet3"));
      expect(part(together[1]!, "sheet3")).toContain("France");
    } finally {
      work.remove();
    }
  });

  test("briefing.pdf: the dashboard's figures, chart, conditions and sources, as pdftotext reads them", async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const work = scratch();
    try {
      // Asked for under another name of this server: the PDF's links must use it, never the internal
      // address the page was printed from.
      const { port } = new URL(baseURL!);
      const response = await request.get("/api/v1/exports/briefing.pdf", {
        headers: { host: `localhost:${port}` },
      });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const file = path.join(work.dir, "briefing.pdf");
      writeFileSync(file, await response.body());
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      const summary = await summaryOf(request, "");
      const n = (value: number) => value.toLocaleString("en-GB");
      expect(text).toContain(`${n(summary.required!.low)}–${n(summary.required!.high)} personnel`);
      expect(text).toContain(`up to ${n(summary.pledged.high)} personnel`);
      expect(text).toContain(`at least ${n(summary.shortfall!.low)}–${n(summary.shortfall!.high)} personnel`);
      expect(text).toContain(`at most ${summary.coverage!.low * 100}–${summary.coverage!.high * 100} %`);
      expect(text).toContain("Pledged against required");
      expect(text).toContain("Russia agrees to a ceasefire");
      expect(text).toContain("Pledges by effective status");
      expect(text).toContain("Paris talks, day two");
      // Its first page says what it shows, with the address of the same view under the asked-for name.
      const firstPage = execFileSync("pdftotext", ["-l", "1", file, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      expect(firstPage).toContain("About this report");
      expect(firstPage).toContain("Pledges Every pledge (no filter)");
      expect(firstPage).toContain("Scenario None: every condition as it stands");
      expect(firstPage).toContain(`The same view http://localhost:${port}/dashboard/briefing`);
      // Every page: the report and its view at the top; the page, when made and the address at the foot.
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(firstPage).toContain("Pledgewatch briefing Pledges: Every pledge (no filter) · Scenario:");
      expect(firstPage).toContain(`Page 1 of ${pages}`);
      expect(text).toContain(`Page ${pages} of ${pages}`);
      expect(response.headers()["content-disposition"]).toMatch(
        /"pledgewatch-briefing-\d{4}-\d{2}-\d{2}\.pdf"/,
      );
      const links = execFileSync("pdfinfo", ["-url", file], { encoding: "utf8" });
      expect(links).toContain(`http://localhost:${port}/pledges/`);
      expect(links).not.toContain("127.0.0.1");

      // Its properties say what it is, who made it and when; every font is embedded.
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/^Title:\s+Pledgewatch briefing: Pledges: Every pledge \(no filter\)/m);
      expect(info).toMatch(/^Subject:\s+Pledges for a multinational force/m);
      expect(info).toMatch(/^Author:\s+\S.*through Pledgewatch$/m);
      expect(info).toMatch(new RegExp(`^CreationDate:.*${new Date().getUTCFullYear()}`, "m"));
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe("yes");

      // In a paragraph, then the sources as references: title, publisher, date and an address.
      expect(text).toMatch(
        /In brief Of 9 pledges, 1 states an amount in personnel, promising up to 30,000 personnel against 50,000–100,000 personnel required/,
      );
      expect(text).toContain("The pledges, by status");
      expect(text).toContain("The gap over time");
      expect(text).toMatch(
        /References \[1\] [^\[]+\. Publisher not recorded, date not recorded\. No web address recorded; held in Pledgewatch at http:\/\/localhost:\d+\/sources\//,
      );
      expect(text).not.toContain("file 00");

      // Every page keeps a white border of at least 10 mm: the page as pixels, 50 to the inch.
      const dots = 50;
      const border = Math.floor((10 / 25.4) * dots);
      execFileSync("pdftoppm", ["-gray", "-r", String(dots), file, path.join(work.dir, "page")]);
      const images = readdirSync(work.dir).filter((name) => name.startsWith("page") && name.endsWith(".pgm"));
      expect(images).toHaveLength(pages);
      for (const name of images) {
        const { width, height, pixel } = readPgm(readFileSync(path.join(work.dir, name)));
        const inked: string[] = [];
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const inBorder = x < border || y < border || x >= width - border || y >= height - border;
            if (inBorder && pixel(x, y) < 250) inked.push(`${x},${y}`);
          }
        }
        expect(inked.slice(0, 5), name).toEqual([]);
      }
    } finally {
      work.remove();
    }
  });

  test("datapackage.zip: a valid Frictionless data package of the view, whose figures are the API's", async ({
    request,
  }) => {
    const work = scratch();
    try {
      const query = `${scenario}&stakeholder=france`;
      const response = await request.get(`/api/v1/exports/datapackage.zip?${query}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/zip");
      expect(response.headers()["content-disposition"]).toMatch(
        /"pledgewatch-data-france-if-russia-agrees-to-ceasefire-if-ceasefire-line-agreed-\d{4}-\d{2}-\d{2}\.zip"/,
      );
      const file = path.join(work.dir, "data.zip");
      writeFileSync(file, await response.body());
      // Unpacked by Info-ZIP, validated by Frictionless Data's own implementation of the specs.
      const dir = path.join(work.dir, "package");
      execFileSync("unzip", ["-q", file, "-d", dir]);
      const pkg = await Package.load(path.join(dir, "datapackage.json"), { basePath: dir });
      expect(pkg.errors.map((error) => error.message)).toEqual([]);
      expect(pkg.valid).toBe(true);
      expect(pkg.descriptor.profile).toBe("tabular-data-package");
      expect(pkg.descriptor.view).toMatchObject({
        assume: ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"],
        filters: { stakeholder: ["france"] },
      });
      expect(pkg.descriptor.licenses).toEqual([expect.objectContaining({ name: "CC-BY-4.0" })]);
      expect(pkg.descriptor.sources).toContainEqual(
        expect.objectContaining({ title: expect.stringContaining("Paris talks, day two") }),
      );
      const tables = new Map<string, Record<string, unknown>[]>();
      for (const resource of pkg.resources) {
        expect(resource.tabular, resource.name).toBe(true);
        // Every cell cast to its field's type: a value that is not what the schema says throws.
        tables.set(resource.name, await resource.read({ keyed: true, cast: true }));
        // And the same file by csv-parse, as any script would read it.
        const rows = parse(readFileSync(path.join(dir, "data", `${resource.name}.csv`), "utf8"), {
          columns: true,
        }) as unknown[];
        expect(rows, resource.name).toHaveLength(tables.get(resource.name)!.length);
      }
      expect([...tables.keys()].sort()).toEqual(
        [
          "by-category",
          "by-lead",
          "by-stakeholder",
          "by-status",
          "conditions",
          "pledges",
          "sources",
          "status-history",
          "summary",
        ].sort(),
      );
      const summary = await summaryOf(request, query);
      expect(tables.get("pledges")).toHaveLength(summary.pledges);
      const figure = (name: string) => tables.get("summary")!.find((row) => row.figure === name)!;
      for (const name of [
        "required",
        "pledged",
        "unconditional",
        "delivered",
        "shortfall",
        "coverage",
      ] as const) {
        const row = figure(name[0]!.toUpperCase() + name.slice(1));
        expect([row.low, row.high, row.bound], name).toEqual([
          summary[name]!.low,
          summary[name]!.high,
          summary[name]!.bound,
        ]);
      }
      const lead = breakdownResponse.parse(
        await (await request.get(`/api/v1/breakdown?by=lead&${query}`)).json(),
      ).data;
      // The pledges no single stakeholder leads have no key: "" in the API, a missing value in a table.
      expect(tables.get("by-lead")!.map((row) => [row.lead ?? "", row.pledges, row.pledged_high])).toEqual(
        lead.map((row) => [row.key, row.pledges, row.pledged!.high]),
      );
      const amount = pkg
        .getResource("pledges")!
        .descriptor.schema!.fields.find((f) => f.name === "quantity_high");
      expect(amount?.type).toBe("number");
    } finally {
      work.remove();
    }
  });

  test("briefing.pdf: what changed since a chosen date, and a date after the view refused", async ({
    request,
  }) => {
    test.setTimeout(60_000);
    const work = scratch();
    try {
      const response = await request.get("/api/v1/exports/briefing.pdf?since=2026-01-01");
      expect(response.status()).toBe(200);
      const file = path.join(work.dir, "since.pdf");
      writeFileSync(file, await response.body());
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      expect(text).toContain("What changed since 1 Jan 2026");
      // The seed's pledges were all announced on 6 January 2026: each is new since then.
      expect(text).toMatch(/Pledges that moved \(9\): 9 added/);
      expect(text).toMatch(/Pledges 0 9 \+9/);

      // From the start of the day the seed was recorded on: everything it holds is new that day.
      const sameDay = await request.get("/api/v1/exports/briefing.pdf?since=2026-01-06");
      expect(sameDay.status()).toBe(200);
      writeFileSync(file, await sameDay.body());
      const sameDayText = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(
        /\s+/g,
        " ",
      );
      expect(sameDayText).toContain("What changed since 6 Jan 2026");
      expect(sameDayText).toMatch(/Pledges 0 9 \+9/);
      expect(sameDayText).toMatch(/Pledges that moved \(9\): 9 added/);

      for (const [since, message] of [
        ["2099-01-01", /since must be on or before the view's date/],
        ["yesterday", /YYYY-MM-DD/],
      ] as const) {
        const refused = await request.get(`/api/v1/exports/briefing.pdf?since=${since}`);
        expect(refused.status()).toBe(400);
        expect(JSON.stringify(await refused.json())).toMatch(message);
      }
    } finally {
      work.remove();
    }
  });

  test("the briefing's charts keep every label inside their drawing, at the width of A4", async ({
    page,
  }) => {
    // The printable width of A4 between 16 mm margins, at 96 pixels to the inch.
    await page.setViewportSize({ width: Math.round(((210 - 32) / 25.4) * 96), height: 1100 });
    await page.emulateMedia({ media: "print" });
    for (const query of ["", "stakeholder=france", scenario]) {
      await page.goto(`/dashboard/briefing?${query}`);
      // Charts draw near the screen or when printing is announced (ChartFrame), once the page is live.
      for (const chart of ["gap-chart", "gap-history-chart"]) {
        await expect
          .poll(() =>
            page.evaluate((id) => {
              window.dispatchEvent(new Event("beforeprint"));
              return document.querySelectorAll(`[data-testid="${id}"] svg.recharts-surface text`).length;
            }, chart),
          )
          .toBeGreaterThan(0);
      }
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll("svg.recharts-surface")].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll("text")].flatMap((label) => {
            const r = label.getBoundingClientRect();
            const inside =
              r.left >= box.left - 0.5 &&
              r.right <= box.right + 0.5 &&
              r.top >= box.top - 0.5 &&
              r.bottom <= box.bottom + 0.5;
            return inside || r.width === 0
              ? []
              : [
                  `${label.textContent} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)})`,
                ];
          });
        }),
      );
      expect(cut, query).toEqual([]);
      // Nor does a label overlap another in the same chart (ticks and their axis title, bars' values).
      const overlapping = await page.evaluate(() =>
        [...document.querySelectorAll("svg.recharts-surface")].flatMap((svg) => {
          const boxes = [...svg.querySelectorAll("text")]
            .map((label) => ({ text: label.textContent ?? "", r: label.getBoundingClientRect() }))
            .filter(({ r, text }) => r.width > 0 && text.trim() !== "");
          return boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter(({ r: b }) => {
                const x = Math.min(a.r.right, b.right) - Math.max(a.r.left, b.left);
                const y = Math.min(a.r.bottom, b.bottom) - Math.max(a.r.top, b.top);
                return x > 1 && y > 1;
              })
              .map((b) => `${a.text} / ${b.text}`),
          );
        }),
      );
      expect(overlapping, query).toEqual([]);
    }
  });

  test("dataset.json: every table, valid JSON", async ({ request }) => {
    const response = await request.get("/api/v1/exports/dataset.json");
    const dataset = (await response.json()) as { format: string; tables: Record<string, unknown[]> };
    expect(dataset.format).toBe("pledgewatch-dataset");
    expect(dataset.tables.Pledge).toHaveLength(9);
    expect(dataset.tables.Citation!.length).toBeGreaterThan(30);
  });

  test("the dashboard's export links carry its scenario and date, and show the download", async ({
    page,
  }) => {
    await page.goto(`/dashboard?${scenario}&asOf=2026-06-30`);
    const exports = page.getByTestId("exports");
    const csv = exports.getByRole("link", { name: "CSV" });
    await expect(csv).toHaveAttribute("href", /assume=russia-agrees-to-ceasefire/);
    await expect(csv).toHaveAttribute("href", /asOf=2026-06-30/);
    const download = page.waitForEvent("download");
    await csv.click();
    expect((await download).suggestedFilename()).toMatch(
      /^pledgewatch-pledges-if-ceasefire-line-agreed-if-russia-agrees-to-ceasefire-as-of-2026-06-30-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    await expect(page.getByTestId("export-status")).toContainText("Saved pledgewatch-pledges-");
  });

  test("the list's export links carry its filters, and a failure is explained", async ({ page }) => {
    await page.goto("/pledges?category=force&page=1");
    const csv = page.getByTestId("exports").getByRole("link", { name: "CSV" });
    await expect(csv).toHaveAttribute("href", "/api/v1/exports/pledges.csv?category=force");
    await page.route("**/api/v1/exports/pledges.csv*", (route) =>
      route.fulfill({
        status: 400,
        json: { error: { message: "q: search text is limited to 200 characters" } },
      }),
    );
    await csv.click();
    await expect(page.getByTestId("export-status")).toContainText("The CSV export failed: q: search text");
  });
});
