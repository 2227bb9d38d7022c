// What an analyst sends to publish a release, and how a release and its files are named in addresses.
import { z } from "@/lib/zod";
import { optionalText, text } from "@/lib/form-fields";
import { invalid } from "@/lib/validation-message";

export const releaseSchema = z
  .object({
    title: text("title", 200),
    notes: optionalText("notes", 5000),
  })
  .strict();

export type ReleaseInput = z.output<typeof releaseSchema>;

/** The highest release number an address may name (the database's integer). */
const highestNumber = 2 ** 31 - 1;

/** A release's number as an address names it: "3", never "03" or "3.0". */
export const releaseNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, invalid("refusal.releaseByNumber"))
  .transform(Number)
  .refine((number) => number <= highestNumber, invalid("refusal.releaseNumberTooHigh"));

/** What an address naming no release is told. */
export const noSuchRelease = (number: string) => invalid("refusal.noSuchRelease", { number });

/** The files a release holds, by the name its addresses give them, with their types. */
export const releaseFiles = {
  "summary.json": "application/json; charset=utf-8",
  "pledges.csv": "text/csv; charset=utf-8",
  "report.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "datapackage.zip": "application/zip",
  "dataset.json": "application/json; charset=utf-8",
  "briefing.pdf": "application/pdf",
} as const;

export type ReleaseFileName = keyof typeof releaseFiles;

export const releaseFileName = z.enum(Object.keys(releaseFiles) as [ReleaseFileName, ...ReleaseFileName[]], {
  error: invalid("refusal.releaseFiles", { files: Object.keys(releaseFiles).join(", ") }),
});

/** How many corrections a release's page and API list, newest first. */
export const correctionsShown = 200;
