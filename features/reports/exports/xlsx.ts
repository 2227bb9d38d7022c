import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { threadFromSource } from "@/server/source-thread";
import type { PledgeListItem } from "@/features/pledges/queries";
import type { Figures } from "@/features/figures";
import type { listSourceRecords } from "@/features/api/queries";
import type { streamStatusHistory } from "../queries";
import type { ReportAbout } from "../report-about";
import type { Locale } from "@/i18n/locales";
import { translator, type Translate } from "@/i18n/translate";
import { reportTables, type TableRows } from "./tables";
import type { CellLook, FromWriter, SheetSpec, ToWriter, WorkbookProperties } from "./workbook-messages";

export interface ReportInput {
  figures: Figures;
  pledges: AsyncIterable<PledgeListItem[]>;
  history: ReturnType<typeof streamStatusHistory>;
  sources: Awaited<ReturnType<typeof listSourceRecords>>;
  madeAt: Date;
  /** What the report shows, said on its first sheet. */
  about: ReportAbout;
  /** The language of its words: sheet names, labels, figures in words (column names are codes). */
  locale: Locale;
}

/**
 * Writes the report workbook to `stream` as it goes: About this report (its view, who made it when,
 * the counting rules), then the report's tables (./tables.ts), a sheet each: Summary, Pledges,
 * Conditions, a sheet per breakdown, Status history and Sources. This thread reads the rows and
 * makes their cells; exceljs writes the file on a thread of its own (./workbook-thread.ts).
 */
export async function writeReport(stream: Writable, input: ReportInput) {
  const t = translator(input.locale);
  const writer = new WorkbookThread(stream, {
    title: t("workbook.title"),
    subject: input.about.viewWords,
    created: input.madeAt,
  });
  try {
    const tables = reportTables({ ...input, summary: input.figures.summary });
    await writer.sheet(aboutSheet(t), [aboutRows(input.about, input.figures, tables, t)]);
    for (const { table, batches } of tables) {
      const unitAt = table.columns.findIndex((column) => column.name === "unit");
      const spec: SheetSpec = {
        title: table.title,
        columns: table.columns.map(({ name, width, amount, share }) => ({
          header: name,
          width,
          look: share ? "percent" : amount ? "amount" : "plain",
        })),
        unitAt,
      };
      await writer.sheet(spec, batches());
    }
    await writer.finish();
  } finally {
    await writer.stop();
  }
}

// A writer's thread is kept for the next workbook: a new one compiles exceljs again and runs it
// unoptimised at first, which costs about a fifth of a workbook's time. One waits idle at most; a
// second workbook written at the same time gets a thread of its own, ended after it.
let idle: Worker | null = null;

function startWriter(): Worker {
  const worker = process.env.NEXT_RUNTIME
    ? // Built by Next.js, the thread's code is bundled as JavaScript.
      new Worker(new URL("./workbook-thread.ts", import.meta.url))
    : threadFromSource(new URL("./workbook-thread.ts", import.meta.url));
  // For its whole life: a thread that fails or ends is not kept. (While it writes a workbook, that
  // workbook hears of the failure too.)
  worker.on("error", (error) => {
    if (idle === worker) console.error("the idle workbook writer failed", error);
    void worker.terminate();
  });
  worker.on("exit", () => {
    if (idle === worker) idle = null;
  });
  return worker;
}

function takeWriter(): Worker {
  const worker = idle ?? startWriter();
  idle = null;
  worker.ref();
  return worker;
}

function keepWriter(worker: Worker) {
  if (idle) return void worker.terminate();
  idle = worker;
  // An idle writer does not keep the server's process alive.
  worker.unref();
}

/**
 * A workbook on the writer's thread, fed a batch of rows at a time. At most two batches are in its
 * hands at once, so that it writes one while this thread reads the next, and a slow download holds
 * both back instead of filling memory: the file's bytes come back here and go to `out` in order.
 */
class WorkbookThread {
  private readonly worker = takeWriter();
  private readonly failed: Promise<never>;
  private unwritten = 0;
  private readonly waiting: (() => void)[] = [];
  private complete = false;
  private readonly onError: (error: Error) => void;
  private readonly onExit: (code: number) => void;
  private readonly onMessage = (message: FromWriter) => this.heard(message);

  constructor(
    private readonly out: Writable,
    properties: WorkbookProperties,
  ) {
    let fail: (error: Error) => void = () => undefined;
    this.failed = new Promise<never>((_resolve, reject) => (fail = reject));
    // Handled where it is awaited; never an unhandled rejection while nothing is.
    this.failed.catch(() => undefined);
    this.onError = fail;
    this.onExit = (code) => fail(new Error(`the workbook's writer stopped (exit code ${code})`));
    this.worker.on("error", this.onError).on("exit", this.onExit).on("message", this.onMessage);
    this.send({ kind: "begin", properties });
  }

  private heard(message: FromWriter) {
    if (message.kind === "bytes") {
      if (!this.out.destroyed) this.out.write(message.chunk);
      return;
    }
    if (message.kind === "written") this.unwritten--;
    else this.complete = true;
    this.waiting.shift()?.();
  }

  private send(message: ToWriter) {
    this.worker.postMessage(message);
  }

  /** Until the writer reports the next thing done, or fails. */
  private next() {
    return Promise.race([new Promise<void>((resolve) => this.waiting.push(resolve)), this.failed]);
  }

  async sheet(spec: SheetSpec, batches: Iterable<unknown[][]> | AsyncIterable<unknown[][]>) {
    this.send({ kind: "sheet", sheet: spec });
    for await (const rows of batches) {
      // A download given up: stop reading rather than write the rest into memory.
      if (this.out.destroyed) throw abandoned();
      while (this.unwritten >= 2) await this.next();
      this.unwritten++;
      this.send({ kind: "rows", rows });
      if (this.out.writableNeedDrain) await Promise.race([drained(this.out), this.failed]);
    }
  }

  async finish() {
    this.send({ kind: "end" });
    while (!this.complete) await this.next();
    this.out.end();
  }

  /** The thread kept for the next workbook once this one is complete; otherwise ended. */
  async stop() {
    this.worker.off("error", this.onError).off("exit", this.onExit).off("message", this.onMessage);
    if (this.complete) keepWriter(this.worker);
    else await this.worker.terminate();
  }
}

/** Resolves once `out` takes more; throws if it is closed first (the download was abandoned). */
async function drained(out: Writable) {
  const closed = new AbortController();
  await Promise.race([
    once(out, "drain", { signal: closed.signal }),
    once(out, "close", { signal: closed.signal }),
  ]).finally(() => closed.abort());
  if (out.destroyed) throw abandoned();
}

const abandoned = () => new Error("the download was closed before the workbook was written");

const look = (header: string, width: number, cells: CellLook) => ({ header, width, look: cells });
const aboutSheet = (t: Translate): SheetSpec => ({
  title: t("report.about"),
  columns: [look(t("report.about"), 24, "heading"), look("", 110, "plain")],
  unitAt: -1,
});

/** What the report shows and how it counts, first: a reader opening the file alone learns its view. */
function aboutRows(about: ReportAbout, figures: Figures, tables: TableRows[], t: Translate): unknown[][] {
  return [
    [t("workbook.report"), t("workbook.reportText")],
    ...about.lines.map(({ label, text }) => [label, text]),
    [t("workbook.pledgesSelected"), figures.summary.pledgeCount],
    [],
    [t("report.howItCounts"), about.counting[0]],
    ...about.counting.slice(1).map((text) => [undefined, text]),
    [undefined, t("workbook.everyRule", { address: about.methodology.text })],
    [],
    // What each sheet holds, and how its rows add up (a breakdown by stakeholder counts a pledge
    // for each stakeholder carrying it).
    ...tables.map(({ table }, index) => [
      index === 0 ? t("workbook.theSheets") : undefined,
      t("workbook.sheetLine", { title: table.title, description: table.description }),
    ]),
    [t("workbook.columns"), t("workbook.columnsText")],
  ];
}
