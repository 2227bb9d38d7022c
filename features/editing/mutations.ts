import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Principal } from "@/lib/access";
import { AmountParseError, parseAmount } from "@/lib/rules/units";
import { recordAudit, type AuditInput } from "@/server/audit";
import { pledgeSnapshot } from "@/server/pledge-snapshot";
import { changeEvents, today } from "@/server/ledger";
import { prismaInserter } from "@/server/bulk-insert";
import {
  addNewPledge,
  claimPledge,
  insertPledgeRows,
  noPledgeRows,
  statusChangeRow,
  type Citing,
} from "@/server/pledge-writer";
import { changedFacts, incrementDateProblem } from "@/lib/rules/ledger";
import { pledgeShapeProblems } from "@/lib/rules/pledge-rules";
import { distinctStakeholders } from "@/lib/rules/pledge-fields";
import { addedDelivery, resolveQuantities, type StoredQuantities } from "./pledge-values";
import {
  describePledgeField,
  pledgeFieldNouns,
  mergePledge,
  pledgeFormInputs,
  pledgeMergeFields,
  pledgeState,
  pledgeStateFromAudit,
  type PledgeField,
  type PledgeState,
} from "./pledge-merge";
import type { RecordKind } from "./record-kinds";
import type {
  PledgeCreate,
  PledgePatch,
  ConditionStatusUpdate,
  PledgeStatusUpdate,
  StatusUpdate,
  capacitySchema,
  conditionSchema,
  requirementSchema,
  sourceSchema,
  stakeholderSchema,
} from "./schemas";
import { notFound, staleVersion, WriteError, type FieldConflict } from "@/lib/write-error";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { invalid } from "@/lib/validation-message";
import { uniqueSlug, write, type Tx } from "@/server/write";
import type { z } from "zod";
import { systemNote } from "@/i18n/system-notes";

// Every write: one transaction holding the change, its history entry and its audit entry (server/write.ts);
// a version check that makes a stale edit change nothing.

/** Makes an edit that started from `version` apply only to that version, bumping it. */
async function claimVersion(
  what: string,
  id: string,
  version: number,
  claim: () => Promise<boolean>,
  current: () => Promise<({ version: number } & object) | null>,
) {
  if (await claim()) return;
  const record = await current();
  if (!record) throw notFound(what, id);
  throw staleVersion(what, version, record);
}

function amountOrError(field: string, text: string | null | undefined, unit: string): bigint | null {
  if (text == null) return null;
  try {
    return parseAmount(text, unit);
  } catch (error) {
    if (error instanceof AmountParseError) {
      throw new WriteError("invalid", error.message, { fields: { [field]: error.message } });
    }
    throw error;
  }
}

// ---- Pledges ----

const pledgeAuditSelect = {
  id: true,
  externalId: true,
  title: true,
  description: true,
  category: true,
  quantityLow: true,
  quantityHigh: true,
  quantityUnit: true,
  quantityQualifier: true,
  deliveredQuantity: true,
  status: true,
  announcedOn: true,
  announcedPrecision: true,
  dueOn: true,
  scope: true,
  version: true,
  deletedAt: true,
  updatedAt: true,
  stakeholders: {
    select: { stakeholderId: true, role: true },
    orderBy: [{ stakeholderId: "asc" }, { role: "asc" }],
  },
  conditions: { select: { conditionId: true }, orderBy: { conditionId: "asc" } },
} satisfies Prisma.PledgeSelect;

/** A pledge as the audit log and a 409 answer show it. */
export type PledgeRecord = Prisma.PledgeGetPayload<{ select: typeof pledgeAuditSelect }>;

/** The audit entry of a pledge's write, its before and after in the one snapshot shape. */
function recordPledgeAudit(
  tx: Tx,
  actor: Principal,
  entry: Omit<AuditInput, "entityType" | "before" | "after"> & {
    before?: PledgeRecord | null;
    after?: PledgeRecord | null;
  },
) {
  const { before, after, ...rest } = entry;
  return recordAudit(tx, actor, {
    ...rest,
    entityType: "Pledge",
    ...(before ? { before: pledgeSnapshot(before) } : {}),
    ...(after ? { after: pledgeSnapshot(after) } : {}),
  });
}

async function livePledge(tx: Tx, id: string): Promise<PledgeRecord | null> {
  return tx.pledge.findFirst({ where: { id, deletedAt: null }, select: pledgeAuditSelect });
}

async function replaceLinks(
  tx: Tx,
  pledgeId: string,
  links: { stakeholders?: PledgeCreate["stakeholders"]; conditionIds?: string[] },
) {
  await linksExist(tx, { stakeholders: links.stakeholders ?? [], conditionIds: links.conditionIds ?? [] });
  if (links.stakeholders) {
    await tx.pledgeStakeholder.deleteMany({ where: { pledgeId } });
    await tx.pledgeStakeholder.createMany({
      data: distinctStakeholders(links.stakeholders).map(({ stakeholderId, role }) => ({
        pledgeId,
        stakeholderId,
        role,
      })),
    });
  }
  if (links.conditionIds) {
    await tx.pledgeCondition.deleteMany({ where: { pledgeId } });
    await tx.pledgeCondition.createMany({
      data: [...new Set(links.conditionIds)].map((conditionId) => ({ pledgeId, conditionId })),
    });
  }
}

function quantitiesOrError(
  changes: Parameters<typeof resolveQuantities>[0],
  current: StoredQuantities | null,
) {
  const resolved = resolveQuantities(changes, current);
  if (!resolved.ok) {
    throw new WriteError("invalid", Object.values(resolved.errors).join("; "), { fields: resolved.errors });
  }
  return resolved.data;
}

/**
 * A new pledge with the evidence it rests on: the source is cited by the pledge, by its first
 * figures and by the first entry of its history (its status, dated the announcement).
 */
export async function createPledge(actor: Principal, input: PledgeCreate): Promise<PledgeRecord> {
  return write((tx) => createPledgeIn(tx, actor, input));
}

/** `createPledge` inside a transaction the caller holds, for writes that must commit with it (intake's decisions). */
export async function createPledgeIn(tx: Tx, actor: Principal, input: PledgeCreate): Promise<PledgeRecord> {
  const {
    stakeholders,
    conditionIds,
    quantityUnit,
    quantityLow,
    quantityHigh,
    deliveredQuantity,
    note,
    sourceId,
    source,
    quote,
    ...fields
  } = input;
  const quantities = quantitiesOrError({ quantityUnit, quantityLow, quantityHigh, deliveredQuantity }, null);
  await linksExist(tx, { stakeholders, conditionIds });
  const evidence = await citedSource(tx, { sourceId, source, quote });
  const rows = noPledgeRows();
  const id = addNewPledge(
    rows,
    {
      ...fields,
      ...quantities,
      externalId: fields.externalId ?? null,
      description: fields.description ?? null,
      announcedPrecision: fields.announcedPrecision ?? "day",
      dueOn: fields.dueOn ?? null,
      scope: fields.scope ?? null,
      status: "announced",
      stakeholders,
      conditionIds,
    },
    { by: actor, at: new Date(), note: note ?? systemNote("recordedWithPledge") },
    [evidence],
  );
  await insertPledgeRows(prismaInserter(tx), rows);
  return (await livePledge(tx, id))!;
}

/** Refuses links to stakeholders or conditions that do not exist, naming the field. */
async function linksExist(
  tx: Tx,
  links: { stakeholders: { stakeholderId: string }[]; conditionIds: string[] },
) {
  const stakeholderIds = [...new Set(links.stakeholders.map((s) => s.stakeholderId))];
  const conditionIds = [...new Set(links.conditionIds)];
  const [stakeholders, conditions] = await Promise.all([
    tx.stakeholder.findMany({ where: { id: { in: stakeholderIds } }, select: { id: true } }),
    tx.condition.findMany({ where: { id: { in: conditionIds } }, select: { id: true } }),
  ]);
  const missingStakeholder = stakeholderIds.find((id) => !stakeholders.some((s) => s.id === id));
  if (missingStakeholder) {
    throw new WriteError(
      "invalid",
      invalid("refusal.notFound", { what: "stakeholder", id: missingStakeholder }),
      {
        fields: { stakeholders: invalid("refusal.unknownStakeholder") },
      },
    );
  }
  const missingCondition = conditionIds.find((id) => !conditions.some((c) => c.id === id));
  if (missingCondition) {
    throw new WriteError(
      "invalid",
      invalid("refusal.notFound", { what: "condition", id: missingCondition }),
      {
        fields: { conditionIds: invalid("refusal.unknownCondition") },
      },
    );
  }
}

/**
 * The pledge as it stood at `version`: the `after` of the audit entry that version left, else the
 * `before` of the entry that moved it on (a seeded or restored pledge has no entry of its own).
 * Null if neither exists.
 */
async function pledgeAtVersion(tx: Tx, id: string, version: number): Promise<PledgeState | null> {
  const [saved, next] = await Promise.all([
    tx.auditEntry.findFirst({
      where: { entityType: "Pledge", entityId: id, version, after: { not: null } },
      orderBy: { occurredAt: "desc" },
      select: { after: true },
    }),
    tx.auditEntry.findFirst({
      where: { entityType: "Pledge", entityId: id, version: version + 1, before: { not: null } },
      orderBy: { occurredAt: "asc" },
      select: { before: true },
    }),
  ]);
  return pledgeStateFromAudit(saved?.after ?? null) ?? pledgeStateFromAudit(next?.before ?? null);
}

/** A save refused because both people changed the same fields: each with its three values. */
async function pledgeConflict(
  tx: Tx,
  fields: PledgeField[],
  states: { base: PledgeState; mine: PledgeState; theirs: PledgeState },
  current: PledgeRecord,
  version: number,
  theirsOnly: PledgeField[],
): Promise<WriteError> {
  const [stakeholders, conditions] = await Promise.all([
    tx.stakeholder.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.condition.findMany({ select: { id: true, title: true } }),
  ]);
  const names = {
    stakeholders: new Map(stakeholders.map((s) => [s.id, s.name])),
    conditions: new Map(conditions.map((c) => [c.id, c.title])),
  };
  const stakeholderIds = stakeholders.map((s) => s.id);
  const conflictsIn = (locale: Locale): FieldConflict[] => {
    const t = translator(locale);
    return fields.map((field) => ({
      field,
      label: t(`pledgeField.${field}.label`),
      base: describePledgeField(field, states.base, names, locale),
      mine: describePledgeField(field, states.mine, names, locale),
      theirs: describePledgeField(field, states.theirs, names, locale),
      theirsInputs: pledgeFormInputs(states.theirs, [field], stakeholderIds),
      mineInputs: pledgeFormInputs(states.mine, [field], stakeholderIds),
    }));
  };
  const named = fields.map((field) => invalid("fieldName", { what: pledgeFieldNouns[field] }));
  // The fields named by references too: worded with the message, in its reader's language.
  const message = invalid("refusal.pledgeConflict", {
    version,
    count: fields.length,
    fields: named.join(", "),
  });
  return new WriteError("conflict", message, {
    current,
    conflictsIn,
    rebase: {
      version: current.version,
      inputs: pledgeFormInputs(states.theirs, theirsOnly, stakeholderIds),
    },
  });
}

/**
 * Saves the fields of `patch` that differ from the pledge at `patch.version`, merged field by field
 * with what others saved since (lib/rules/merge.ts): fields only they changed are kept, fields both
 * changed to different values refuse the save with a conflict naming them.
 */
export async function updatePledge(actor: Principal, id: string, patch: PledgePatch): Promise<PledgeRecord> {
  return write((tx) => updatePledgeIn(tx, actor, id, patch));
}

/**
 * `updatePledge` inside the caller's transaction. With `evidence` (intake: a figure taken from a
 * source), every fact the save changes is recorded with that note and cites the source and quote.
 */
export async function updatePledgeIn(
  tx: Tx,
  actor: Principal,
  id: string,
  patch: PledgePatch,
  evidence?: { sourceId: string; quote: string; note: string },
): Promise<PledgeRecord> {
  const {
    version,
    stakeholders,
    conditionIds,
    quantityUnit,
    quantityLow,
    quantityHigh,
    deliveredQuantity: deliveredTotal,
    deliveredIncrement,
    note,
    occurredOn,
    sourceId,
    source,
    quote,
    ...fields
  } = patch;
  // A claim lost to a save committed meanwhile (PostgreSQL) merges again with that save: each
  // retry means another save landed, so the bound is only there to end a pathological run.
  for (let attempt = 1; ; attempt++) {
    const before = await livePledge(tx, id);
    if (!before) throw notFound("pledge", id);
    const theirs = pledgeState(before);
    const atVersion = before.version === version ? theirs : await pledgeAtVersion(tx, id, version);
    if (!atVersion || version > before.version) throw staleVersion("pledge", version, before);
    // An increment adds to the total as it is now, whoever recorded it: for the delivered
    // quantity, the save starts from the current record.
    const base =
      deliveredIncrement === undefined
        ? atVersion
        : { ...atVersion, deliveredQuantity: theirs.deliveredQuantity };
    const deliveredQuantity =
      deliveredIncrement === undefined
        ? deliveredTotal
        : await deliveredAfterIncrement(
            tx,
            before,
            deliveredIncrement,
            // The day the delivery's event will carry: given, else today, never before the announcement.
            occurredOn ?? (today() < before.announcedOn ? before.announcedOn : today()),
          );
    const quantities = quantitiesOrError(
      { quantityUnit, quantityLow, quantityHigh, deliveredQuantity },
      base,
    );
    const sent: Partial<PledgeState> = {
      ...fields,
      ...quantities,
      ...(stakeholders ? { stakeholders } : {}),
      ...(conditionIds ? { conditionIds } : {}),
    };
    const outcome = mergePledge(base, sent, theirs);
    const mine = { ...base, ...sent };
    if (outcome.conflicts.length) {
      throw await pledgeConflict(
        tx,
        outcome.conflicts,
        { base, mine, theirs },
        before,
        version,
        outcome.theirs,
      );
    }
    if (outcome.apply.length === 0) {
      // A delivery is evidence: one that changes nothing is said, not silently dropped.
      if (deliveredQuantity !== undefined) {
        throw new WriteError("invalid", invalid("refusal.deliveredAlready"), {
          fields: { deliveredQuantity: invalid("refusal.alreadyDelivered") },
        });
      }
      return before;
    }
    const merged: PledgeState = {
      ...theirs,
      ...Object.fromEntries(outcome.apply.map((field) => [field, mine[field]])),
    };
    // Each side's values were valid; together they must be too (a unit from one, amounts from the
    // other). Amounts are read in the unit the saver saw: under a unit someone else changed, they
    // would mean something else.
    const amountsInOldUnit =
      outcome.theirs.includes("quantityUnit") &&
      (["quantityLow", "quantityHigh", "deliveredQuantity"] as const).some((f) => outcome.apply.includes(f));
    const broken = amountsInOldUnit
      ? (["quantityUnit", "quantityLow", "quantityHigh", "deliveredQuantity"] as const).filter(
          (f) => f === "quantityUnit" || outcome.apply.includes(f),
        )
      : mergedProblems(merged);
    if (broken.length) {
      const involved = pledgeMergeFields.filter(
        (f) =>
          (broken as readonly string[]).includes(f) &&
          (outcome.apply.includes(f) || outcome.theirs.includes(f)),
      );
      throw await pledgeConflict(tx, involved, { base, mine, theirs }, before, version, outcome.theirs);
    }
    const columns = Object.fromEntries(
      outcome.apply
        .filter((f) => f !== "stakeholders" && f !== "conditionIds")
        .map((field) => [field, merged[field]]),
    );
    if (!(await claimPledge(tx, id, before.version, columns))) {
      if (attempt < 20) continue;
      throw staleVersion("pledge", version, (await livePledge(tx, id)) ?? before);
    }
    await replaceLinks(tx, id, {
      stakeholders: outcome.apply.includes("stakeholders") ? stakeholders : undefined,
      conditionIds: outcome.apply.includes("conditionIds") ? conditionIds : undefined,
    });
    let after = (await livePledge(tx, id))!;
    const facts = changedFacts(before, after);
    if (facts.includes("delivered") && occurredOn && occurredOn < after.announcedOn) {
      throw new WriteError("invalid", invalid("refusal.deliveryBeforeAnnouncement"), {
        fields: { occurredOn: invalid("refusal.beforeAnnouncement") },
      });
    }
    const recorded = { by: actor, at: new Date() };
    // Nothing is dated before the pledge's announcement (a pledge announced for a later day is
    // changed as from that day), so its creation events stay first.
    const notBefore = (day: Date) => (day < after.announcedOn ? after.announcedOn : day);
    const events = [
      ...changeEvents(
        id,
        facts.filter((f) => f !== "delivered"),
        after,
        notBefore(today()),
        {
          ...recorded,
          note: evidence?.note ?? systemNote("changedInEdit"),
        },
      ),
      ...changeEvents(
        id,
        facts.filter((f) => f === "delivered"),
        after,
        occurredOn ?? notBefore(today()),
        {
          ...recorded,
          note: note ?? systemNote("changedInEdit"),
        },
      ),
    ];
    if (events.length) await tx.ledgerEvent.createMany({ data: events });
    if (evidence) {
      for (const event of events) {
        await cite(tx, { sourceId: evidence.sourceId, quote: evidence.quote }, { ledgerEventId: event.id! });
      }
    }
    const delivery = events.find((e) => e.fact === "delivered");
    if (delivery && (sourceId || source)) {
      await cite(tx, { sourceId, source, quote }, { ledgerEventId: delivery.id! });
    }
    // A delivery dated before one already recorded is history: the row keeps the latest.
    if (delivery && occurredOn) {
      const latest = (await latestDelivery(tx, id))!;
      if (latest.deliveredQuantity !== after.deliveredQuantity) {
        await tx.pledge.update({ where: { id }, data: { deliveredQuantity: latest.deliveredQuantity } });
        after = (await livePledge(tx, id))!;
      }
    }
    await recordPledgeAudit(tx, actor, {
      action: "update",
      entityId: id,
      before,
      after,
      version: after.version,
    });
    return after;
  }
}

/** A pledge's latest delivery event, in the ledger's order (lib/rules/ledger.ts): the one the row holds. */
function latestDelivery(tx: Tx, pledgeId: string) {
  return tx.ledgerEvent.findFirst({
    where: { pledgeId, fact: "delivered" },
    orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
    select: { occurredOn: true, deliveredQuantity: true },
  });
}

/**
 * The delivered total after a delivery of `increment` (text, in the pledge's unit) on `on`, added to
 * the total recorded now; refused when dated before the latest delivery (lib/rules/ledger.ts).
 */
async function deliveredAfterIncrement(
  tx: Tx,
  pledge: PledgeRecord,
  increment: string | null,
  on: Date,
): Promise<string> {
  if (increment === null) {
    throw new WriteError("invalid", invalid("outcome.giveAmount"), {
      fields: { deliveredIncrement: invalid("outcome.giveAmount") },
    });
  }
  const latest = await latestDelivery(tx, pledge.id);
  const tooEarly = incrementDateProblem(latest?.occurredOn ?? null, on);
  if (tooEarly) throw new WriteError("invalid", tooEarly, { fields: { occurredOn: tooEarly } });
  const added = addedDelivery(increment, pledge);
  if (!added.ok) {
    throw new WriteError("invalid", added.message, { fields: { deliveredIncrement: added.message } });
  }
  return added.total;
}

/** What is wrong with a merged pledge, as the fields involved: amounts without a unit, ranges upside down, dates out of order. */
function mergedProblems(p: PledgeState): PledgeField[] {
  const problems: PledgeField[] = [];
  const amounts = (["quantityLow", "quantityHigh", "deliveredQuantity"] as const).filter(
    (f) => p[f] !== null,
  );
  if (!p.quantityUnit && amounts.length) problems.push("quantityUnit", ...amounts);
  if (p.quantityLow !== null && p.quantityHigh === null) problems.push("quantityLow", "quantityHigh");
  const shape = pledgeShapeProblems(p);
  if (shape.quantityLow || shape.quantityHigh) problems.push("quantityLow", "quantityHigh");
  if (shape.dueOn) problems.push("announcedOn", "dueOn");
  return problems;
}

/** Deleting keeps the pledge's history (evidence); the pledge leaves every list, figure and export. */
export async function deletePledge(actor: Principal, id: string, version: number): Promise<void> {
  await write(async (tx) => {
    const before = await livePledge(tx, id);
    if (!before) throw notFound("pledge", id);
    await claimVersion(
      "pledge",
      id,
      version,
      () => claimPledge(tx, id, version, { deletedAt: new Date() }),
      () => livePledge(tx, id),
    );
    await recordPledgeAudit(tx, actor, {
      action: "delete",
      entityId: id,
      before,
      version: version + 1,
    });
  });
}

/** Brings a deleted pledge back, with everything it had, if `version` is still the deleted one's. */
export async function restorePledge(actor: Principal, id: string, version: number): Promise<PledgeRecord> {
  return write(async (tx) => {
    const deleted = await tx.pledge.findFirst({ where: { id, deletedAt: { not: null } } });
    if (!deleted) throw notFound("deleted pledge", id);
    const { count } = await tx.pledge.updateMany({
      where: { id, version, deletedAt: { not: null } },
      data: { deletedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion("pledge", version, deleted);
    const after = (await livePledge(tx, id))!;
    await recordPledgeAudit(tx, actor, {
      action: "restore",
      entityId: id,
      after,
      version: after.version,
    });
    return after;
  });
}

type Evidence = Pick<StatusUpdate, "sourceId" | "source" | "quote">;

type Cited = { statusChangeId: string } | { ledgerEventId: string } | { pledgeId: string };

/** The source evidence cites, with its quote: an existing one, or a new one created here. */
async function citedSource(tx: Tx, update: Evidence): Promise<Citing> {
  if (update.source) {
    const { quote, ...source } = update.source;
    const slug = await uniqueSlug(
      async (s) => (await tx.source.count({ where: { slug: s } })) > 0,
      source.title,
    );
    const created = await tx.source.create({ data: { ...source, slug }, select: { id: true } });
    return { sourceId: created.id, quote };
  }
  const sourceId = update.sourceId ?? "";
  if ((await tx.source.count({ where: { id: sourceId } })) === 0) {
    throw new WriteError("invalid", invalid("refusal.notFound", { what: "source", id: sourceId }), {
      fields: { sourceId: invalid("refusal.unknownSource") },
    });
  }
  return { sourceId, quote: update.quote ?? "" };
}

/**
 * The citation of an event (a status change, a delivery): an existing source (with an optional
 * quote) or a new one, cited once for each of `cited`.
 */
async function cite(tx: Tx, update: Evidence, ...cited: Cited[]) {
  const { sourceId, quote } = await citedSource(tx, update);
  await tx.citation.createMany({ data: cited.map((target) => ({ sourceId, quote, ...target })) });
}

/** The history entry of a status change, attributed to `actor`, with its cited evidence (also cited by `alsoCited`). */
async function recordStatusChange(
  tx: Tx,
  actor: Principal,
  update: Evidence & { note: string },
  occurredAt: Date,
  subject: Parameters<typeof statusChangeRow>[0],
  alsoCited: Cited[] = [],
) {
  const change = await tx.statusChange.create({
    data: statusChangeRow(subject, occurredAt, { by: actor, at: new Date(), note: update.note }),
    select: { id: true },
  });
  await cite(tx, update, { statusChangeId: change.id }, ...alsoCited);
}

/** A status change is refused for a record that is gone, was changed since the form opened, or already has it. */
function checkStatusChange<T extends { version: number; status: string }>(
  what: "pledge" | "condition",
  id: string,
  update: { version: number; status: string },
  before: T | null,
): asserts before is T {
  if (!before) throw notFound(what, id);
  if (before.version !== update.version) throw staleVersion(what, update.version, before);
  if (before.status === update.status) {
    throw new WriteError("invalid", invalid("refusal.statusUnchanged", { what }), {
      fields: { status: invalid("refusal.alreadyTheStatus") },
    });
  }
}

/**
 * A status change, for a pledge or a condition: the record claimed at the version the form had,
 * the change entered in the history with its evidence, the audit entry written; returns the record after.
 */
async function changeStatus<T extends { version: number; status: string }>(
  tx: Tx,
  actor: Principal,
  what: "pledge" | "condition",
  id: string,
  update: (PledgeStatusUpdate | ConditionStatusUpdate) & { occurredOn?: Date | null },
  record: {
    load: () => Promise<T | null>;
    claim: (occurredAt: Date) => Promise<boolean>;
    subject: (from: T["status"]) => Parameters<typeof statusChangeRow>[0];
    audit: (entry: { before: T; after: T }) => Promise<unknown>;
  },
): Promise<T> {
  const before = await record.load();
  checkStatusChange(what, id, update, before);
  const occurredAt = update.occurredOn ?? new Date();
  await claimVersion(what, id, update.version, () => record.claim(occurredAt), record.load);
  await recordStatusChange(tx, actor, update, occurredAt, record.subject(before.status));
  const after = (await record.load())!;
  await record.audit({ before, after });
  return after;
}

export async function recordPledgeStatus(
  actor: Principal,
  id: string,
  update: PledgeStatusUpdate,
): Promise<PledgeRecord> {
  return write((tx) => recordPledgeStatusIn(tx, actor, id, update));
}

/** `recordPledgeStatus` inside a transaction the caller holds. */
export async function recordPledgeStatusIn(
  tx: Tx,
  actor: Principal,
  id: string,
  update: PledgeStatusUpdate,
): Promise<PledgeRecord> {
  return changeStatus(tx, actor, "pledge", id, update, {
    load: () => livePledge(tx, id),
    claim: () => claimPledge(tx, id, update.version, { status: update.status }),
    subject: (from) => ({ pledgeId: id, fromPledgeStatus: from, toPledgeStatus: update.status }),
    audit: ({ before, after }) =>
      recordPledgeAudit(tx, actor, {
        action: "status",
        entityId: id,
        before,
        after,
        version: after.version,
      }),
  });
}

// ---- Conditions ----

const conditionAuditSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  status: true,
  statusDate: true,
  dependsOnId: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.ConditionSelect;

export type ConditionRecord = Prisma.ConditionGetPayload<{ select: typeof conditionAuditSelect }>;

const findCondition = (tx: Tx, id: string) =>
  tx.condition.findUnique({ where: { id }, select: conditionAuditSelect });

export async function recordConditionStatus(
  actor: Principal,
  id: string,
  update: ConditionStatusUpdate,
): Promise<ConditionRecord> {
  return write((tx) =>
    changeStatus(tx, actor, "condition", id, update, {
      load: () => findCondition(tx, id),
      claim: async (occurredAt) =>
        (
          await tx.condition.updateMany({
            where: { id, version: update.version },
            data: { status: update.status, statusDate: occurredAt, version: { increment: 1 } },
          })
        ).count === 1,
      subject: (from) => ({ conditionId: id, fromConditionStatus: from, toConditionStatus: update.status }),
      audit: ({ before, after }) =>
        recordAudit(tx, actor, {
          action: "status",
          entityType: "Condition",
          entityId: id,
          before,
          after,
          version: after.version,
        }),
    }),
  );
}

// ---- Conditions, stakeholders, sources, requirements, capacity figures: plain versioned records ----

type RecordInput = {
  condition: z.output<typeof conditionSchema>;
  stakeholder: z.output<typeof stakeholderSchema>;
  source: z.output<typeof sourceSchema>;
  requirement: z.output<typeof requirementSchema>;
  capacity: z.output<typeof capacitySchema>;
};

/** The few operations every plain record supports, whatever its Prisma delegate. */
type VersionedDelegate = {
  findUnique(args: { where: { id: string } }): Promise<({ id: string; version: number } & object) | null>;
  count(args: { where: { slug: string } }): Promise<number>;
  create(args: { data: object; select: { id: true } }): Promise<{ id: string }>;
  updateMany(args: { where: { id: string; version: number }; data: object }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
};

const records: Record<RecordKind, { entity: string; what: string; delegate: (tx: Tx) => VersionedDelegate }> =
  {
    condition: {
      entity: "Condition",
      what: "condition",
      delegate: (tx) => tx.condition as unknown as VersionedDelegate,
    },
    stakeholder: {
      entity: "Stakeholder",
      what: "stakeholder",
      delegate: (tx) => tx.stakeholder as unknown as VersionedDelegate,
    },
    source: { entity: "Source", what: "source", delegate: (tx) => tx.source as unknown as VersionedDelegate },
    requirement: {
      entity: "Requirement",
      what: "requirement",
      delegate: (tx) => tx.requirement as unknown as VersionedDelegate,
    },
    capacity: {
      entity: "CapacityReference",
      what: "capacity figure",
      delegate: (tx) => tx.capacityReference as unknown as VersionedDelegate,
    },
  };

/** Database columns for a record's validated input: amounts in minor units, a high that defaults to the low. */
function columnsOf<K extends RecordKind>(kind: K, input: RecordInput[K]): Record<string, unknown> {
  if (kind === "requirement" || kind === "capacity") {
    const { low, high, ...rest } = input as RecordInput["requirement"];
    const lowMinor = amountOrError("low", low, rest.unit)!;
    const highMinor = amountOrError("high", high, rest.unit) ?? lowMinor;
    if (highMinor < lowMinor) {
      throw new WriteError("invalid", invalid("refusal.highFigureBelowLow"), {
        fields: { high: invalid("refusal.belowLowest") },
      });
    }
    return { ...rest, low: lowMinor, high: highMinor };
  }
  return input;
}

function slugSource(kind: RecordKind, input: Record<string, unknown>): string {
  return String(kind === "stakeholder" ? input.name : input.title);
}

export async function createRecord<K extends RecordKind>(actor: Principal, kind: K, input: RecordInput[K]) {
  return write((tx) => createRecordIn(tx, actor, kind, input));
}

/** `createRecord` inside a transaction the caller holds. */
export async function createRecordIn<K extends RecordKind>(
  tx: Tx,
  actor: Principal,
  kind: K,
  input: RecordInput[K],
) {
  const { entity, delegate } = records[kind];
  const columns = columnsOf(kind, input);
  const table = delegate(tx);
  const slug = await uniqueSlug(
    async (s) => (await table.count({ where: { slug: s } })) > 0,
    slugSource(kind, columns),
  );
  const data = kind === "condition" ? { ...columns, slug, statusDate: new Date() } : { ...columns, slug };
  const { id } = await table.create({ data, select: { id: true } });
  const after = await table.findUnique({ where: { id } });
  await recordAudit(tx, actor, { action: "create", entityType: entity, entityId: id, after, version: 1 });
  return after!;
}

export async function updateRecord<K extends RecordKind>(
  actor: Principal,
  kind: K,
  id: string,
  version: number,
  input: RecordInput[K],
) {
  return write((tx) => updateRecordIn(tx, actor, kind, id, version, input));
}

/** `updateRecord` inside a transaction the caller holds. */
export async function updateRecordIn<K extends RecordKind>(
  tx: Tx,
  actor: Principal,
  kind: K,
  id: string,
  version: number,
  input: RecordInput[K],
) {
  const { entity, what, delegate } = records[kind];
  const columns = columnsOf(kind, input);
  const table = delegate(tx);
  const before = await table.findUnique({ where: { id } });
  if (!before) throw notFound(what, id);
  await claimVersion(
    what,
    id,
    version,
    async () =>
      (await table.updateMany({ where: { id, version }, data: { ...columns, version: { increment: 1 } } }))
        .count === 1,
    () => table.findUnique({ where: { id } }),
  );
  const after = await table.findUnique({ where: { id } });
  await recordAudit(tx, actor, {
    action: "update",
    entityType: entity,
    entityId: id,
    before,
    after,
    version: after!.version,
  });
  return after!;
}

/** Deletes a record nothing refers to; one still linked or cited is refused with a 409. */
export async function deleteRecord(actor: Principal, kind: RecordKind, id: string, version: number) {
  const { entity, what, delegate } = records[kind];
  await write(async (tx) => {
    const table = delegate(tx);
    const before = await table.findUnique({ where: { id } });
    if (!before) throw notFound(what, id);
    // The version is checked by the delete itself: an edit committed since the read (PostgreSQL
    // runs them side by side) makes it delete nothing, and the answer is a conflict.
    const { count } = await table.deleteMany({ where: { id, version } });
    if (count === 0) {
      const now = await table.findUnique({ where: { id } });
      throw now ? staleVersion(what, version, now) : notFound(what, id);
    }
    await recordAudit(tx, actor, { action: "delete", entityType: entity, entityId: id, before });
  });
}

// ---- Evidence for what is there ----

/** What a citation can rest on: a pledge or one of the records beside it. */
export type CitedRecord =
  | { kind: "pledge"; id: string }
  | { kind: "condition"; id: string }
  | { kind: "requirement"; id: string }
  | { kind: "capacity"; id: string }
  | { kind: "stakeholder"; id: string };

const citedColumns = {
  pledge: { column: "pledgeId", entity: "Pledge" },
  condition: { column: "conditionId", entity: "Condition" },
  requirement: { column: "requirementId", entity: "Requirement" },
  capacity: { column: "capacityReferenceId", entity: "CapacityReference" },
  stakeholder: { column: "stakeholderId", entity: "Stakeholder" },
} as const;

/**
 * Cites a source's words as evidence for a record that exists, inside the caller's transaction. The
 * record's fields do not change (nor its version); the audit says what was cited, so that the change
 * log and its feeds tell readers the record's evidence grew.
 */
export async function citeRecordIn(
  tx: Tx,
  actor: Principal,
  record: CitedRecord,
  evidence: { sourceId: string; quote: string },
): Promise<void> {
  const { column, entity } = citedColumns[record.kind];
  const exists =
    record.kind === "pledge"
      ? (await livePledge(tx, record.id)) !== null
      : (await records[record.kind].delegate(tx).findUnique({ where: { id: record.id } })) !== null;
  if (!exists) throw notFound(record.kind === "capacity" ? "capacity figure" : record.kind, record.id);
  const source = await tx.source.findUnique({ where: { id: evidence.sourceId }, select: { title: true } });
  if (!source) throw notFound("source", evidence.sourceId);
  await tx.citation.create({
    data: { sourceId: evidence.sourceId, quote: evidence.quote, [column]: record.id },
  });
  await recordAudit(tx, actor, {
    action: "update",
    entityType: entity,
    entityId: record.id,
    note: systemNote("citedSource", {
      title: source.title,
      quote: `${evidence.quote.slice(0, 200)}${evidence.quote.length > 200 ? "…" : ""}`,
    }),
  });
}
