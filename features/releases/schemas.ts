// What an analyst sends to publish a release, and how a release and its files are named in addresses.
import { z } from "zod";
import { optionalText } from "@/lib/form-fields";

export const releaseSchema = z
  .object({
    title: z
      .string({ error: "title is required" })
      .trim()
      .min(1, "title is required")
      .max(200, "title is at most 200 characters"),
    notes: optionalText("notes", 5000),
  })
  .strict();

export type ReleaseInput = z.output<typeof releaseSchema>;

/** The highest release number an address may name (the database's integer). */
const highestNumber = 2 ** 31 - 1;

/** A release's number as an address names it: "3", never "03" or "3.0". */
export const releaseNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "a release is named by its number: 1, 2, 3…")
  .transform(Number)
  .refine((number) => number <= highestNumber, "there is no release with so high a number");

/** What an address naming no release is told. */
export const noSuchRelease = (number: string) =>
  `There is no release ${JSON.stringify(number)}: releases are numbered 1, 2, 3…, as /releases lists them.`;

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
  error: `a release holds ${Object.keys(releaseFiles).join(", ")}`,
});

/** How many corrections a release's page and API list, newest first. */
export const correctionsShown = 200;
