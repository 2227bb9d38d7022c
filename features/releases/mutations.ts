import "server-only";
import type { Principal } from "@/lib/access";
import { actorLabel } from "@/lib/access";
import { invalid } from "@/lib/validation-message";
import { WriteError } from "@/lib/write-error";
import { printBriefing } from "@/features/reports";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { databaseKind } from "@/server/env";
import { PdfUnavailableError } from "@/server/pdf";
import { writeReleaseFiles, type BriefingPrinter } from "./release-files";
import type { ReleaseInput } from "./schemas";

/**
 * The printer a publish uses: this server's briefing page, read with the publisher's `credentials`
 * (their cookie or token), its links leading to `linkOrigin`.
 */
export function briefingPrinter(
  by: string,
  linkOrigin: string,
  credentials: Record<string, string>,
): BriefingPrinter {
  return async (view, search) => {
    try {
      // A release is the record everyone cites: printed in English, whoever makes it.
      return await printBriefing(view, search, { at: new Date(), by, linkOrigin, credentials, locale: "en" });
    } catch (error) {
      const why =
        error instanceof PdfUnavailableError ? error.message : invalid("refusal.briefingNotPrinted");
      console.error("Printing a release's briefing failed", error);
      throw new WriteError("busy", invalid("refusal.notPublished", { why }));
    }
  };
}

/**
 * Whether this process is publishing: one publish at a time holds every file of it in memory. On
 * globalThis, as the webhook worker's timer is: the form's action and the API's route may each get
 * their own copy of this module.
 */
const held = globalThis as unknown as { releasePublishing?: boolean };

/**
 * Publishes a release: freezes "known at" now, writes every file of it, then stores the release and
 * its files in one transaction under the next number (all of it or nothing). Returns its number.
 * One at a time per server; on PostgreSQL, servers take numbers in turn (an advisory lock).
 */
export async function publishRelease(
  actor: Principal,
  input: ReleaseInput,
  made: { origin: string; print: BriefingPrinter },
): Promise<number> {
  if (held.releasePublishing) {
    throw new WriteError("busy", invalid("refusal.anotherRelease"));
  }
  held.releasePublishing = true;
  try {
    const knownAt = new Date();
    const by = actorLabel(actor);
    const files = await writeReleaseFiles(knownAt, { by, ...made });
    return await db().$transaction(
      async (tx) => {
        if (databaseKind() === "postgresql")
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${releaseNumberLock})`;
        const last = await tx.release.aggregate({ _max: { number: true } });
        const release = await tx.release.create({
          data: {
            number: (last._max.number ?? 0) + 1,
            title: input.title,
            notes: input.notes ?? "",
            knownAt,
            publishedBy: by,
            publishedById: actor.kind === "user" ? actor.id : null,
            files: { create: files },
          },
          select: { id: true, number: true, title: true, notes: true, knownAt: true },
        });
        await recordAudit(tx, actor, {
          action: "create",
          entityType: "Release",
          entityId: release.id,
          after: { ...release, files: files.map(({ name, sha256, size }) => ({ name, sha256, size })) },
        });
        return release.number;
      },
      { timeout: 60_000, maxWait: 15_000 },
    );
  } finally {
    held.releasePublishing = false;
  }
}

/** The advisory lock that orders the numbering of releases across servers (any constant of our own). */
const releaseNumberLock = 7_305_190_001n;
