import "server-only";
// A release's files, written once when it is published: the same writers as the live exports, for
// the view "every pledge, as known at the release's moment".
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { loadSummaryAnswer, type FigureView } from "@/features/figures";
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
import { viewJson } from "@/lib/rules/report-view";
import { releaseQuery, releaseView } from "./links";
import { releaseFiles, type ReleaseFileName } from "./schemas";

/** Prints the briefing of a view (its query given) to PDF, with the publisher's rights. */
export type BriefingPrinter = (view: FigureView, search: string) => Promise<Uint8Array>;

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

const gzipped = promisify(gzip);

export interface WrittenFile {
  name: ReleaseFileName;
  contentType: string;
  sha256: string;
  size: number;
  /** The file gzip-compressed, in pieces of at most `chunkBytes`, in order. */
  chunks: { create: { seq: number; bytes: Uint8Array<ArrayBuffer> }[] };
}

async function stored(name: ReleaseFileName, bytes: Buffer): Promise<WrittenFile> {
  // Compressed off the event loop: a large dataset takes a second.
  const packed = await gzipped(bytes);
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
  written.push(["summary.json", Buffer.from(JSON.stringify(await loadSummaryAnswer(view)))]);
  written.push(["pledges.csv", await bytesOf(pledgesCsv(streamPledges(view.selection, view.time)))]);
  const input = () => loadReportInput(view, { by: made.by, origin: made.origin });
  written.push(["report.xlsx", await workbookBytes(await input())]);
  const packaged = await input();
  const name = reportFileName("data", "zip", packaged.madeAt, view).replace(/\.zip$/, "");
  written.push([
    "datapackage.zip",
    await bytesOf(dataPackageZip({ ...packaged, view: viewJson(view), name })),
  ]);
  // The dataset is the tables as they are read (not as known at the moment): it says when that was.
  written.push(["dataset.json", await bytesOf(datasetJson(streamDatasetRows(), new Date()))]);
  written.push(["briefing.pdf", Buffer.from(await made.print(view, releaseQuery(knownAt)))]);
  return Promise.all(written.map(([name, bytes]) => stored(name, bytes)));
}
