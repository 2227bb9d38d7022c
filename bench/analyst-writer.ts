// The analyst of the bench's "writes" step, in a thread of its own (bench/run.ts starts it): an
// analyst's browser does not wait for the crowd of readers' responses, and autocannon, on the bench's
// own thread, parses some 50 MB of them a second, which delayed these writes' answers by ~15 ms.
import { parentPort, workerData } from "node:worker_threads";

export interface AnalystWriterData {
  base: string;
  pledgeIds: string[];
  sourceId: string;
  headers: Record<string, string>;
  writesPerSecond: number;
}

/**
 * What the writer says: that it is ready (its code loaded, about to write), then, when told to stop,
 * each write's latency (ms), or why it stopped early.
 */
export type AnalystWriterMessage =
  { kind: "ready" } | { kind: "report"; latencies: number[]; failure: string | null };

/**
 * Status changes at `writesPerSecond`, through the API, each on a pledge of its own in turn (read
 * first, then written at its version); each write's latency, until `stopped` says so.
 */
async function writeUntil(data: AnalystWriterData, latencies: number[], stopped: () => boolean) {
  const { base, pledgeIds, sourceId, headers, writesPerSecond } = data;
  const versions = new Map<string, { version: number; status: string }>();
  for (let n = 0; !stopped(); n++) {
    const started = performance.now();
    const pledgeId = pledgeIds[n % pledgeIds.length]!;
    let current = versions.get(pledgeId);
    if (!current) {
      const response = await fetch(`${base}/api/v1/pledges/${pledgeId}`, { headers });
      current = ((await response.json()) as { data: { version: number; status: string } }).data;
    }
    const status = current.status === "stalled" ? "committed" : "stalled";
    const writeStart = performance.now();
    const response = await fetch(`${base}/api/v1/pledges/${pledgeId}/status`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({
        status,
        version: current.version,
        note: "Bench status change",
        sourceId,
        quote: "bench",
      }),
    });
    const answer = (await response.json()) as { data?: { version: number; status: string } };
    if (!response.ok || !answer.data)
      throw new Error(`a write answered ${response.status}: ${JSON.stringify(answer)}`);
    latencies.push(performance.now() - writeStart);
    versions.set(pledgeId, answer.data);
    const wait = 1000 / writesPerSecond - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

if (parentPort) {
  const port = parentPort;
  const latencies: number[] = [];
  let stopped = false;
  const stopAsked = new Promise<void>((resolve) =>
    port.once("message", () => {
      stopped = true;
      resolve();
    }),
  );
  port.postMessage({ kind: "ready" } satisfies AnalystWriterMessage);
  void (async () => {
    const failure = await writeUntil(workerData as AnalystWriterData, latencies, () => stopped).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    // A writer that failed early reports when told to stop, as one that did not.
    await stopAsked;
    port.postMessage({ kind: "report", latencies, failure } satisfies AnalystWriterMessage);
  })();
}
