import "server-only";
// A release's files, written once when it is published: the same writers as the live exports, for
// the view "every pledge, as known at the release's moment".
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { gzipSync } from "node:zlib";
import { loadFigureSources, loadKnownFigures, summaryJson, type FigureView } from "@/features/figures";
import { defaultMetric } from "@/features/figures/schemas";
import { everyPledge } from "@/features/pledges/selection-sql";
import { streamPledges } from "@/features/pledges/queries";
import {
  dataPackageZip,
  datasetJson,
  loadReportInput,
  pledgesCsv,
  reportFileName,
  writeReport,
} from "@/features/reports";
import { streamDatasetRows } from "@/features/reports/queries";
import { viewQuery } from "@/features/dashboard";
import { viewJson } from "@/lib/rules/report-view";
import { releaseFiles, type ReleaseFileName } from "./schemas";

/** Prints the briefing of a view (its query given) to PDF, with the publisher's rights. */
export type BriefingPrinter = (view: FigureView, search: string) => Promise<Uint8Array>;

/** The view a release freezes: every pledge, in the default unit, as known at `knownAt`. */
const releaseView = (knownAt: Date): FigureView => ({
  metric: defaultMetric,
  time: { knownAt },
  selection: everyPledge,
});

async function bytesOf(chunks: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks)
    parts.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts);
}

async function workbookBytes(input: Awaited<ReturnType<typeof loadReportInput>>): Promise<Buffer> {
  const body = new PassThrough();
  const written = writeReport(body, input).catch((error: unknown) => {
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const [bytes] = await Promise.all([bytesOf(body), written]);
  return bytes;
}

/** How large a stored piece of a file is at most: the file, compressed, is cut into these. */
const chunkBytes = 1 << 20;

export interface WrittenFile {
  name: ReleaseFileName;
  contentType: string;
  sha256: string;
  size: number;
  /** The file gzip-compressed, in pieces of at most `chunkBytes`, in order. */
  chunks: { create: { seq: number; bytes: Uint8Array<ArrayBuffer> }[] };
}

function stored(name: ReleaseFileName, bytes: Buffer): WrittenFile {
  const packed = gzipSync(bytes);
  const create = [];
  for (let start = 0; start < packed.length || start === 0; start += chunkBytes) {
    create.push({ seq: create.length, bytes: new Uint8Array(packed.subarray(start, start + chunkBytes)) });
  }
  return {
    name,
    contentType: releaseFiles[name],
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.length,
    chunks: { create },
  };
}

/**
 * Every file of a release made at `knownAt`, in memory, before anything is stored: the briefing
 * printed, the workbook and the data package written, the pledges and the dataset streamed. One at
 * a time, so that a publish holds one file's writer at once.
 */
export async function writeReleaseFiles(
  knownAt: Date,
  made: { by: string; origin: string; print: BriefingPrinter },
): Promise<WrittenFile[]> {
  const view = releaseView(knownAt);
  const written: [ReleaseFileName, Buffer][] = [];
  const figures = await loadKnownFigures(view);
  const sources = await loadFigureSources(view);
  const summary = summaryJson(figures.summary, figures, sources, figures.references.capacities);
  written.push(["summary.json", Buffer.from(JSON.stringify({ data: summary, view: viewJson(view) }))]);
  written.push(["pledges.csv", await bytesOf(pledgesCsv(streamPledges(view.selection, view.time)))]);
  const input = () => loadReportInput(view, { by: made.by, origin: made.origin });
  written.push(["report.xlsx", await workbookBytes(await input())]);
  const packaged = await input();
  const name = reportFileName("data", "zip", packaged.madeAt, view).replace(/\.zip$/, "");
  written.push([
    "datapackage.zip",
    await bytesOf(dataPackageZip({ ...packaged, view: viewJson(view), name })),
  ]);
  written.push(["dataset.json", await bytesOf(datasetJson(streamDatasetRows(), knownAt))]);
  written.push([
    "briefing.pdf",
    Buffer.from(
      await made.print(view, viewQuery({ ...view, assume: view.selection.assume }, { at: knownAt })),
    ),
  ]);
  return written.map(([name, bytes]) => stored(name, bytes));
}
