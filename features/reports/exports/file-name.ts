import { isoDay } from "@/lib/format";
import type { ViewTime } from "@/lib/view-time";

/**
 * What a downloaded file is called: what it holds and the day it was made, and the view time when
 * it shows the past ("pledgewatch-pledges-2026-11-22.csv", "…-as-of-2026-06-30.csv",
 * "…-known-at-2026-04-01t1200z.csv").
 */
export function exportFileName(what: string, extension: string, madeOn: Date, time: ViewTime = {}): string {
  const asOf = time.asOf ? `-as-of-${isoDay(time.asOf)}` : "";
  const knownAt = time.knownAt
    ? `-known-at-${time.knownAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "t")}z`
    : "";
  return `pledgewatch-${what}-${isoDay(madeOn)}${asOf}${knownAt}.${extension}`;
}

/** The Content-Disposition header for a download of `fileName` (ASCII by construction). */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
