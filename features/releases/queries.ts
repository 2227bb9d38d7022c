import "server-only";
import { readingDb } from "@/server/db";
import type { ReleaseFileName } from "./schemas";

const releaseColumns = {
  id: true,
  number: true,
  title: true,
  notes: true,
  knownAt: true,
  publishedBy: true,
} as const;

const fileColumns = { name: true, contentType: true, sha256: true, size: true } as const;

/** Every release, newest first, with its files' names, sizes and checksums. */
export function listReleases() {
  return readingDb().release.findMany({
    select: { ...releaseColumns, files: { select: fileColumns, orderBy: { name: "asc" } } },
    orderBy: { number: "desc" },
  });
}

export type ReleaseRow = Awaited<ReturnType<typeof listReleases>>[number];

/** One release by its number, and the one before it (null: none, or it is the first). */
export async function readRelease(number: number) {
  const [release, previous] = await Promise.all([
    readingDb().release.findFirst({
      where: { number },
      select: { ...releaseColumns, files: { select: fileColumns, orderBy: { name: "asc" } } },
    }),
    readingDb().release.findFirst({
      where: { number: { lt: number } },
      select: releaseColumns,
      orderBy: { number: "desc" },
    }),
  ]);
  return release ? { release, previous } : null;
}

/** A release's file (its name, type, size, checksum and id); null when the release or the file is not there. */
export function readReleaseFile(number: number, name: ReleaseFileName) {
  return readingDb().releaseFile.findFirst({
    where: { name, release: { number } },
    select: { ...fileColumns, releaseId: true },
  });
}

/** A release file's stored pieces, in order, read one at a time. */
export async function* readReleaseFileChunks(file: { releaseId: string; name: string }) {
  for (let seq = 0; ; seq++) {
    const chunk = await readingDb().releaseFileChunk.findFirst({
      where: { releaseId: file.releaseId, name: file.name, seq },
      select: { bytes: true },
    });
    if (!chunk) return;
    yield chunk.bytes;
  }
}

/** A release's number and moment, without its files; null when there is none. */
export function readReleaseTime(number: number) {
  return readingDb().release.findFirst({ where: { number }, select: { number: true, knownAt: true } });
}
