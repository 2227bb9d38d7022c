import { isoDay } from "@/lib/format";

/**
 * What a downloaded file is called: what it holds and the day it was made, and the as-of day when
 * it shows the past ("pledgewatch-pledges-2026-11-22.csv", "…-as-of-2026-06-30.csv").
 */
export function exportFileName(what: string, extension: string, madeOn: Date, asOf?: Date): string {
  const past = asOf ? `-as-of-${isoDay(asOf)}` : "";
  return `pledgewatch-${what}-${isoDay(madeOn)}${past}.${extension}`;
}

/** The Content-Disposition header for a download of `fileName` (ASCII by construction). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
