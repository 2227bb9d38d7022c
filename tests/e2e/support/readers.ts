import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

// Exports read back by independent readers.

/**
 * Every sheet of a workbook as CSV rows, through LibreOffice with recalculation on load: the cells'
 * values, or with `asShown` their text as the sheet's number formats show it ("€1,250.50", "45.0%").
 */
export function sheetsThroughLibreOffice(
  file: string,
  dir: string,
  {
    asShown = false,
    /** The reader's locale ("uk-UA"): how LibreOffice shows numbers and dates; its own default otherwise. */
    locale,
  }: { asShown?: boolean; locale?: string } = {},
): Map<string, string[][]> {
  const profile = path.join(dir, locale ? `profile-${locale}` : "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>${
      locale
        ? `\n<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>`
        : ""
    }
</oor:items>`,
  );
  const out = path.join(dir, `${asShown ? "shown" : "values"}${locale ? `-${locale}` : ""}`);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      // comma, double quote, UTF-8, from line 1, …, as shown or not, …, every sheet to its own file
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`,
      "--outdir",
      out,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) {
    // LibreOffice names each sheet's file after the workbook's: "report-Summary.csv".
    const sheet = name.slice(path.basename(file, path.extname(file)).length + 1).replace(/\.csv$/, "");
    sheets.set(sheet, parse(readFileSync(path.join(out, name), "utf8"), { relax_column_count: true }));
  }
  return sheets;
}
