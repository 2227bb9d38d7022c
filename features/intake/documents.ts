import "server-only";
import { Worker, type WorkerOptions } from "node:worker_threads";
import pLimit, { type LimitFunction } from "p-limit";
import { invalid } from "@/lib/validation-message";
import { threadFromSource } from "@/server/source-thread";
import {
  DocumentError,
  fromText,
  intakeLimits,
  intakeMediaTypes,
  kindOf,
  supported,
  tidy,
  utf8Text,
  type ReadDocument,
} from "./document-formats";
import type { FromReader, ToReader } from "./document-thread";

export {
  DocumentError,
  intakeLimits,
  intakeMediaTypes,
  type DocumentDetails,
  type IntakeMediaType,
  type ReadDocument,
} from "./document-formats";

// A pasted or uploaded document read into the plain text intake stores and quotes (the formats:
// ./document-formats.ts). Text and Markdown are read here; HTML, PDF and Word on a thread that is
// stopped once the read has taken its time, so every read ends within it, however the file is made.

/** The heap limit given to a reading thread. */
const readerLimits = (megabytes: number): WorkerOptions => ({
  resourceLimits: { maxOldGenerationSizeMb: megabytes, maxYoungGenerationSizeMb: Math.min(64, megabytes) },
});

function startReader(megabytes: number): Worker {
  return process.env.NEXT_RUNTIME
    ? // Built by Next.js, the thread's code is bundled as JavaScript.
      new Worker(new URL("./document-thread.ts", import.meta.url), readerLimits(megabytes))
    : threadFromSource(new URL("./document-thread.ts", import.meta.url), readerLimits(megabytes));
}

/**
 * The reading threads' turns, one queue for the process: on globalThis, since the form's action and
 * the API's route may each get their own copy of this module.
 */
const held = globalThis as unknown as { documentReaders?: LimitFunction };
const readers = (held.documentReaders ??= pLimit(intakeLimits.readersAtOnce));

/** Reading threads running now, and documents waiting for one. */
export const readersBusy = () => ({ running: readers.activeCount, waiting: readers.pendingCount });

const tookTooLong = (milliseconds: number) =>
  new DocumentError(invalid("refusal.readingTooLong", { seconds: milliseconds / 1000 }));

/**
 * HTML, PDF or Word read on a thread of its own, once one of the few is free; refused after
 * `milliseconds` (waiting included), and at once when too many documents are waiting already.
 */
function readOnThread(
  kind: ToReader["kind"],
  bytes: Uint8Array,
  { milliseconds, megabytes }: { milliseconds: number; megabytes: number },
): Promise<ReadDocument> {
  if (readers.pendingCount >= intakeLimits.readersWaiting) {
    throw new DocumentError(
      invalid("refusal.readersBusy", { count: readers.activeCount + readers.pendingCount }),
      503,
    );
  }
  const deadline = performance.now() + milliseconds;
  return new Promise<ReadDocument>((resolve, reject) => {
    // The time runs from now: a read still waiting for its turn when it is up is given up unread,
    // and its turn, when it comes, passes at once to the next.
    let givenUp = false;
    const waiting = setTimeout(() => {
      givenUp = true;
      reject(new DocumentError(invalid("refusal.readerWaited", { seconds: milliseconds / 1000 }), 503));
    }, milliseconds);
    // Settled once the turn is over, so that the next read may start as this one answers.
    readers(async () => {
      clearTimeout(waiting);
      return givenUp ? null : readOnce(kind, bytes, deadline - performance.now(), milliseconds, megabytes);
    }).then((read) => {
      if (read) resolve(read);
    }, reject);
  });
}

function readOnce(
  kind: ToReader["kind"],
  bytes: Uint8Array,
  left: number,
  milliseconds: number,
  megabytes: number,
): Promise<ReadDocument> {
  const worker = startReader(megabytes);
  return new Promise<ReadDocument>((resolve, reject) => {
    // The turn ends when the thread has exited, not before: the next one starts on a free core.
    const stop = (outcome: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners("exit");
      void worker.terminate().then(outcome, outcome);
    };
    const timer = setTimeout(() => stop(() => reject(tookTooLong(milliseconds))), left);
    worker.once("message", (message: FromReader) => {
      if ("read" in message) stop(() => resolve(message.read));
      else if ("refused" in message)
        stop(() => reject(new DocumentError(message.refused.message, message.refused.status)));
      else stop(() => reject(new Error(`reading a ${kind} document failed: ${message.failed}`)));
    });
    worker.once("error", (error: Error & { code?: string }) => {
      stop(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new DocumentError(invalid("refusal.readingMemory", { megabytes }), 413)
            : error,
        ),
      );
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the document reader stopped (exit code ${code})`));
    });
    // A copy of its own goes to the thread, in a buffer of its own (a Buffer's slice would share the
    // caller's memory, or Node's pool, which cannot be transferred): the caller keeps its bytes.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ kind, bytes: copy } satisfies ToReader, [copy.buffer]);
  });
}

/**
 * Reads a document into text. Refuses (DocumentError) what is too large, what is not a document of a
 * kind it reads, what has no text (an image-only PDF), and what takes too long to read.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string | null,
  declaredType: string | null,
  options: { readMilliseconds?: number; readMegabytes?: number } = {},
): Promise<ReadDocument> {
  if (bytes.byteLength > intakeLimits.maxBytes) {
    throw new DocumentError(
      invalid("refusal.documentTooLarge", { megabytes: intakeLimits.maxBytes / 1024 / 1024 }),
      413,
    );
  }
  if (bytes.byteLength === 0) throw new DocumentError(invalid("refusal.documentEmpty"));
  const kind = kindOf(bytes, fileName, declaredType);
  if (kind === null) throw new DocumentError(invalid("refusal.notWhatNamed", { supported }));
  let read: ReadDocument;
  if (kind === "html" || kind === "pdf" || kind === "docx") {
    read = await readOnThread(kind, bytes, {
      milliseconds: options.readMilliseconds ?? intakeLimits.readMilliseconds,
      megabytes: options.readMegabytes ?? intakeLimits.readMegabytes,
    });
  } else {
    const text = utf8Text(bytes);
    if (text === null) {
      throw new DocumentError(invalid("refusal.notDocument", { supported }));
    }
    const tidied = tidy(text);
    read = { text: tidied, mediaType: intakeMediaTypes[kind], details: fromText(tidied) };
  }
  if (!/\p{L}{2}/u.test(read.text)) throw new DocumentError(invalid("refusal.documentNoText"));
  if (read.text.length > intakeLimits.maxChars) {
    throw new DocumentError(
      invalid("refusal.documentTooLong", { chars: read.text.length, max: intakeLimits.maxChars }),
    );
  }
  return read;
}
