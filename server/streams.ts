import "server-only";

/** A web stream of UTF-8 bytes pulled from an async iterable of text, one chunk per pull. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // Headers are gone by now: the client sees a truncated download, the log says why.
        console.error("export failed while streaming", error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * A request body as chunks, read only as fast as they are used. Stopped early, it cancels the body:
 * what the client sent beyond is dropped rather than kept for a reader that never comes.
 */
export async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    done = true;
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** When `whileArriving` gives up on a body, and the error each case throws. */
export interface ArrivalLimits {
  /** Epoch ms: past it, the next read throws `late()` (a client that sends slowly). */
  deadline: number;
  late: () => Error;
  /** A read that waits this long throws `idle()` (a client that stopped sending). */
  idleMs: number;
  idle: () => Error;
  /** Once aborted (the client went away, the work took too long), the next read throws its reason. */
  signal?: AbortSignal;
}

/**
 * Chunks from `chunks` while they keep arriving: a read that waits past the deadline, longer than
 * the idle time, or past the signal's abort throws instead, so a stalled or vanished client cannot
 * hold a slot.
 */
export async function* whileArriving<T>(chunks: AsyncIterable<T>, limits: ArrivalLimits): AsyncGenerator<T> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      limits.signal?.throwIfAborted();
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      const stopped = new Promise<never>((_, reject) => {
        const untilDeadline = limits.deadline - Date.now();
        const idle = limits.idleMs <= untilDeadline;
        timer = setTimeout(
          () => reject(idle ? limits.idle() : limits.late()),
          Math.max(0, idle ? limits.idleMs : untilDeadline),
        );
        onAbort = () => reject(limits.signal!.reason);
        limits.signal?.addEventListener("abort", onAbort, { once: true });
      });
      try {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) return;
        yield next.value;
      } finally {
        clearTimeout(timer);
        if (onAbort) limits.signal?.removeEventListener("abort", onAbort);
      }
    }
  } finally {
    // Not awaited: a read still pending on a stalled client would keep us waiting.
    void iterator.return?.()?.catch(() => {});
  }
}

/**
 * A request's body as text, read no further than `maxBytes` (null past it), so that a body that
 * is too large is refused without being held whole.
 */
export async function boundedText(request: Request, maxBytes: number): Promise<string | null> {
  const bytes = await boundedBytes(request, maxBytes);
  return bytes === null ? null : new TextDecoder().decode(bytes);
}

/** A request's body as bytes, read no further than `maxBytes` (null past it). */
export async function boundedBytes(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = request.body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(next.value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}
