import { getImportMapping, UnreadableMappingError } from "@/features/imports/queries";
import {
  ImportFileError,
  importLimits,
  runImport,
  summarizeErrors,
  type ImportStreamEvent,
} from "@/features/imports";
import { importRequestSchema } from "@/features/imports/schemas";
import { invalid } from "@/lib/validation-message";
import { wordedIn } from "@/i18n/translate";
import { ApiError, answerLocale, apiRoute, notNow, parseQuery } from "@/server/http";
import { keyedSlots, slotKey } from "@/server/slots";
import { bodyChunks, whileArriving } from "@/server/streams";

/** Row errors sent in each `errors` line, before the result (which carries none)… */
const errorsPerLine = 2000;
/** …up to this many; the result summarises all of them by kind. */
const errorsSent = 20_000;

// A 50,000-row import holds a few hundred MB while it plans: two at a time per server process, one
// of them per person.
const importSlots = keyedSlots(1, 2);

/**
 * Previews or commits an import of the request body (a CSV or XLSX file). The answer is NDJSON:
 * progress lines while the file is read and written, then one `result` (or `error`) line.
 */
export const POST = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const {
    fileName,
    mode,
    mapping: givenMapping,
    mappingName,
    expect,
    skipInvalid,
    withdrawMissing,
  } = parseQuery(importRequestSchema, request);
  // The progress stream's last word, in the language the request names (the import page's).
  const words = (message: string) => wordedIn(answerLocale(request), message);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > importLimits.maxBytes) {
    throw new ApiError(
      413,
      invalid("refusal.importTooLarge", { megabytes: importLimits.maxBytes / 1024 / 1024 }),
    );
  }
  if (!request.body) throw new ApiError(400, invalid("refusal.importNoBody"));
  let mapping = givenMapping;
  if (mappingName) {
    const saved = await getImportMapping(mappingName).catch((error: unknown) => {
      if (error instanceof UnreadableMappingError) throw new ApiError(422, error.message);
      throw error;
    });
    if (!saved) throw new ApiError(404, invalid("refusal.importNoMapping", { name: mappingName }));
    mapping = saved;
  }

  const release = importSlots.take(slotKey(principal, request));
  if (release === "yours") throw notNow(invalid("refusal.importYours"), 429);
  if (release === "full") throw notNow(invalid("refusal.importsFull"));
  // The work stops, and its slot is freed, when the client goes away or it runs past its time.
  const clientGone = new AbortController();
  const overtime = new AbortController();
  const overtimeTimer = setTimeout(
    () => overtime.abort(new Error("overtime")),
    importLimits.workSeconds * 1000,
  );
  const signal = AbortSignal.any([request.signal, clientGone.signal, overtime.signal]);
  const body = whileArriving(bodyChunks(request.body), {
    deadline: Date.now() + importLimits.uploadSeconds * 1000,
    late: () =>
      new ImportFileError(invalid("refusal.uploadLate", { seconds: importLimits.uploadSeconds }), 408),
    idleMs: importLimits.idleSeconds * 1000,
    idle: () =>
      new ImportFileError(invalid("refusal.uploadIdle", { seconds: importLimits.idleSeconds }), 408),
    signal,
  });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // Once the client has gone, lines are dropped rather than thrown at the work still running.
      const send = (event: ImportStreamEvent) => {
        if (!clientGone.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        const outcome = await runImport(body, {
          fileName,
          mapping,
          skipInvalid,
          withdrawMissing,
          commit: mode === "commit" ? { actor: principal, expect: expect! } : undefined,
          onProgress: (progress) => send({ type: "progress", ...progress }),
          signal,
          locale: answerLocale(request),
        });
        // Every problem, in lines of bounded size: the browser shows the first and offers them all as CSV.
        const errors = outcome.preview.errors;
        for (let at = 0; at < Math.min(errors.length, errorsSent); at += errorsPerLine) {
          send({ type: "errors", errors: errors.slice(at, Math.min(at + errorsPerLine, errorsSent)) });
        }
        outcome.preview.errors = [];
        send({ type: "result", outcome, errorsTotal: errors.length, errorKinds: summarizeErrors(errors) });
      } catch (error) {
        // Aborted, whatever the error it surfaced as: the time ran out, or the client went away.
        if (overtime.signal.aborted && !clientGone.signal.aborted && !request.signal.aborted) {
          send({
            type: "error",
            status: 503,
            message: words(invalid("refusal.importOvertime", { seconds: importLimits.workSeconds })),
          });
        } else if (signal.aborted) {
          // The client went away: nobody to tell, and nothing was written.
        } else if (error instanceof ImportFileError) {
          send({ type: "error", status: error.status, message: words(error.message) });
        } else {
          console.error("Import failed", error);
          send({
            type: "error",
            status: 500,
            message: words(invalid("refusal.importFailed")),
          });
        }
      } finally {
        // However the work ended, the rest of the upload is dropped now, not when the deadline fires
        // (not awaited: a read still pending on a stalled client finishes first).
        void body.return(undefined).catch(() => {});
        clearTimeout(overtimeTimer);
        release();
        if (!clientGone.signal.aborted) controller.close();
      }
    },
    // A client that goes away stops the work: its slot is freed as soon as the work notices (between
    // reads, rows and write batches), and nothing is written.
    cancel() {
      clientGone.abort(new Error("the client went away"));
      // A preview writes nothing: its place is free at once for the person's next one. A commit
      // keeps its place until its transaction has rolled back.
      if (mode === "preview") release();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
