import { Readable } from "node:stream";
import { noParams } from "@/features/api/schemas";
import { attachment } from "@/features/reports";
import { openReleaseFile, readReleaseFile } from "@/features/releases";
import { noSuchRelease, releaseFileName, releaseNumber } from "@/features/releases/schemas";
import { invalid } from "@/lib/validation-message";
import { ApiError, apiRoute, matchesEtag, parseQuery } from "@/server/http";

type Context = RouteContext<"/releases/[number]/exports/[file]">;

/**
 * One of a release's files, byte for byte as it was written when the release was published; its
 * checksum is its ETag, so that a reader holding it is told it has not changed.
 */
export const GET = apiRoute("read", async (request: Request, { params }: Context) => {
  parseQuery(noParams, request);
  const { number, file } = await params;
  const name = releaseFileName.safeParse(file);
  if (!name.success)
    throw new ApiError(404, invalid("refusal.noReleaseFile", { file, why: name.error.issues[0]!.message }));
  const which = releaseNumber.safeParse(number);
  const stored = which.success ? await readReleaseFile(which.data, name.data) : null;
  if (!stored) throw new ApiError(404, noSuchRelease(number));
  // Weak: the same file is sent plain, gzipped or as brotli (server.mjs), as each reader takes it.
  const etag = `W/"${stored.sha256}"`;
  // It never changes; but who may read it can (PUBLIC_READ), so only the reader's own cache keeps it.
  const headers = { ETag: etag, "Cache-Control": "private, max-age=31536000, immutable" };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(Readable.toWeb(openReleaseFile(stored)) as ReadableStream<Uint8Array>, {
    headers: {
      ...headers,
      "Content-Type": stored.contentType,
      "Content-Length": String(stored.size),
      "Content-Disposition": attachment(`pledgewatch-release-${which.data!}-${name.data}`),
    },
  });
});
