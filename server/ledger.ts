import { newId } from "./ids";
import type { Prisma } from "@/generated/prisma/client";
import { actorLabel, type Principal } from "@/lib/access";
import { factValues, ledgerFacts, type LedgerFact, type PledgeFigures } from "@/lib/rules/ledger";

// The rows of the pledge ledger (lib/rules/ledger.ts) that every writer appends: the editor, the API,
// the import, the dataset restore, and the seed and test scripts (hence no "server-only" here).

type Recorded = { by: Principal | null; at: Date; note: string };

function recorder({ by, at, note }: Recorded) {
  return {
    recordedAt: at,
    recordedBy: by ? actorLabel(by) : null,
    recordedById: by?.kind === "user" ? by.id : null,
    note,
  };
}

/** The id of a pledge's creation event for `fact`: fixed, so that seeding twice writes it once. */
const creationEventId = (pledgeId: string, fact: LedgerFact) => `ledger-${pledgeId}-${fact}`;

/** A new pledge's events: one per fact, dated its announcement. */
export function creationEvents(
  pledge: PledgeFigures & { id: string; announcedOn: Date },
  recorded: Recorded,
): Prisma.LedgerEventCreateManyInput[] {
  return ledgerFacts.map((fact) => ({
    id: creationEventId(pledge.id, fact),
    pledgeId: pledge.id,
    fact,
    ...factValues(fact, pledge),
    occurredOn: pledge.announcedOn,
    ...recorder(recorded),
  }));
}

/** The events of `facts` that changed to their values in `figures`, on `occurredOn`. */
export function changeEvents(
  pledgeId: string,
  facts: readonly LedgerFact[],
  figures: PledgeFigures,
  occurredOn: Date,
  recorded: Recorded,
): Prisma.LedgerEventCreateManyInput[] {
  return facts.map((fact) => ({
    id: newId(),
    pledgeId,
    fact,
    ...factValues(fact, figures),
    occurredOn,
    ...recorder(recorded),
  }));
}

/** Today as the ledger dates an event recorded now: the UTC day. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
