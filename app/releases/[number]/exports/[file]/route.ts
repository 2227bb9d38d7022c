import { Readable } from "node:stream";
import { openReleaseFile, readReleaseFile } from "@/features/releases";
import { releaseFileName, releaseNumber } from "@/features/releases/schemas";
import { ApiError, apiRoute } from "@/server/http";

type Context = RouteContext<"/releases/[number]/exports/[file]">;

/**
 * One of a release's files, byte for byte as it was written when the release was published; its
 * checksum is its ETag, so that a reader holding it is told it has not changed.
 */
export const GET = apiRoute("read", async (request: Request, { params }: Context) => {
  const { number, file } = await params;
  const which = releaseNumber.safeParse(number);
  const name = releaseFileName.safeParse(file);
  if (!name.success)
    throw new ApiError(404, `A release has no file "${file}": ${name.error.issues[0]!.message}.`);
  const stored = which.success ? await readReleaseFile(which.data, name.data) : null;
  if (!stored)
    throw new ApiError(404, `There is no release ${JSON.stringify(number)}: releases are numbered 1, 2, 3…`);
  const etag = `"${stored.sha256}"`;
  const headers = {
    ETag: etag,
    // Never to change: any cache may keep it (a signed-in reader's answer is kept private: apiRoute).
    "Cache-Control": "public, max-age=31536000, immutable",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Readable.toWeb(openReleaseFile(stored)) as ReadableStream<Uint8Array>, {
    headers: {
      ...headers,
      "Content-Type": stored.contentType,
      "Content-Length": String(stored.size),
      "Content-Disposition": `attachment; filename="pledgewatch-release-${number}-${name.data}"`,
    },
  });
});
