// Reads one HTML, PDF or Word document on a thread of its own: parsing is synchronous work that a
// hostile or huge file can make long, and a thread can be stopped where a promise cannot. The server
// (./documents.ts) starts one per document and ends it when it answers or takes too long.
import { parentPort } from "node:worker_threads";
import { DocumentError, readFormat, type ReadDocument } from "./document-formats";

export type ToReader = { kind: "html" | "pdf" | "docx"; bytes: Uint8Array };
export type FromReader =
  | { read: ReadDocument }
  | { refused: { message: string; status: DocumentError["status"] } }
  | { failed: string };

const port = parentPort!;
port.once("message", (message: ToReader) => {
  readFormat(message.kind, message.bytes).then(
    (read) => port.postMessage({ read } satisfies FromReader),
    (error: unknown) =>
      port.postMessage(
        (error instanceof DocumentError
          ? { refused: { message: error.message, status: error.status } }
          : { failed: error instanceof Error ? error.message : String(error) }) satisfies FromReader,
      ),
  );
});
