// The time axis's ticks, for charts drawn in the browser: apart from the figures' words (which
// hold the catalogs), so that a chart's code carries none.

/** The first day of each month within [first, last], for the time axis. */
export function monthTicks(first: number, last: number): number[] {
  const ticks: number[] = [];
  const start = new Date(first);
  for (let month = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1); month <= last;) {
    ticks.push(month);
    const d = new Date(month);
    month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return ticks;
}
