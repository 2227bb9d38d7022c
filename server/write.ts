import "server-only";
import { invalid } from "@/lib/validation-message";
import { Prisma } from "@/generated/prisma/client";
import { slugify } from "@/lib/slug";
import { databaseBusy, WriteError } from "@/lib/write-error";
import { isDatabaseBusy } from "./database-busy";
import { rememberOwnWrite } from "./data-version";
import { db } from "./db";

// The one way a feature writes: one transaction holding the change, its history entry and its audit
// entry, with the database's refusals turned into messages a person can act on.

export type Tx = Prisma.TransactionClient;

/**
 * Runs `work` in one transaction and translates the database's refusals into WriteErrors. The
 * browser that wrote is told the data version of its write, so that the figures it is shown next
 * include it (server/data-version.ts).
 */
export async function write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    const done = await db().$transaction(work, { timeout: 15_000, maxWait: 15_000 });
    await rememberOwnWrite();
    return done;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      if (error.code === "P2002") {
        const fields = uniqueFieldsOf(error.meta);
        throw new WriteError(
          "invalid",
          invalid("refusal.valueTaken", { fields: fields.join(", ") || "value" }),
          {
            fields: Object.fromEntries(fields.map((f) => [f, invalid("outcome.alreadyUsed")])),
          },
        );
      }
      if (error.code === "P2003") {
        throw new WriteError("in-use", invalid("refusal.inUse"));
      }
      if (error.code === "P2025") throw new WriteError("not-found", invalid("refusal.recordGone"));
    }
    if (isDatabaseBusy(error)) throw databaseBusy();
    throw error;
  }
}

/**
 * The fields a unique constraint refused: Prisma's `target`, or, through a driver adapter, the
 * constraint the driver named (its fields).
 */
function uniqueFieldsOf(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const constraint = (
    meta?.driverAdapterError as { cause?: { constraint?: { fields?: unknown } } } | undefined
  )?.cause?.constraint;
  return Array.isArray(constraint?.fields) ? constraint.fields.map((f) => String(f).replaceAll('"', "")) : [];
}

/** The slug of `text`, with "-2", "-3"… when it is taken. */
export async function uniqueSlug(taken: (slug: string) => Promise<boolean>, text: string): Promise<string> {
  const base = slugify(text);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
