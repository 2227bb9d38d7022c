import "server-only";
import { Worker } from "node:worker_threads";
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

function startReader(): Worker {
  return process.env.NEXT_RUNTIME
    ? // Built by Next.js, the thread's code is bundled as JavaScript.
      new Worker(new URL("./document-thread.ts", import.meta.url))
    : threadFromSource(new URL("./document-thread.ts", import.meta.url));
}

/** HTML, PDF or Word read on a thread of its own, stopped (and refused) after `milliseconds`. */
function readOnThread(
  kind: ToReader["kind"],
  bytes: Uint8Array,
  milliseconds: number,
): Promise<ReadDocument> {
  const worker = startReader();
  return new Promise<ReadDocument>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new DocumentError(
          `Reading the document took longer than ${milliseconds / 1000} seconds and was stopped. Paste its text instead, or split it.`,
        ),
      );
      void worker.terminate();
    }, milliseconds);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once("message", (message: FromReader) => {
      settle();
      if ("read" in message) resolve(message.read);
      else if ("refused" in message)
        reject(new DocumentError(message.refused.message, message.refused.status));
      else reject(new Error(`reading a ${kind} document failed: ${message.failed}`));
    });
    worker.once("error", (error) => {
      settle();
      reject(error);
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
  options: { readMilliseconds?: number } = {},
): Promise<ReadDocument> {
  if (bytes.byteLength > intakeLimits.maxBytes) {
    throw new DocumentError(
      `The document is larger than ${intakeLimits.maxBytes / 1024 / 1024} MB, the most intake reads.`,
      413,
    );
  }
  if (bytes.byteLength === 0) throw new DocumentError("The document is empty.");
  const kind = kindOf(bytes, fileName, declaredType);
  if (kind === null)
    throw new DocumentError(`This file is not what its name says. Pledgewatch reads ${supported}.`);
  let read: ReadDocument;
  if (kind === "html" || kind === "pdf" || kind === "docx") {
    read = await readOnThread(kind, bytes, options.readMilliseconds ?? intakeLimits.readMilliseconds);
  } else {
    const text = utf8Text(bytes);
    if (text === null) {
      throw new DocumentError(`This file is not text, nor a document Pledgewatch reads: ${supported}.`);
    }
    const tidied = tidy(text);
    read = { text: tidied, mediaType: intakeMediaTypes[kind], details: fromText(tidied) };
  }
  if (!/\p{L}{2}/u.test(read.text)) throw new DocumentError("The document has no text to read.");
  if (read.text.length > intakeLimits.maxChars) {
    throw new DocumentError(
      `The document's text is ${read.text.length.toLocaleString("en-GB")} characters long, more than the ${intakeLimits.maxChars.toLocaleString("en-GB")} (some 600 pages) one review holds. Split it into parts and take each in.`,
    );
  }
  return read;
}
