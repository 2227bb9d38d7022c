import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Principal } from "@/lib/access";
import { fieldErrors } from "@/lib/form-fields";
import { isWebAddress } from "@/lib/web-address";
import { pledgeTextLimits } from "@/lib/rules/pledge-rules";
import type { Suggestion } from "@/lib/rules/intake/suggestions";
import { invalid } from "@/lib/validation-message";
import { notFound, WriteError } from "@/lib/write-error";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { uniqueSlug, write, type Tx } from "@/server/write";
import {
  citeRecordIn,
  createPledgeIn,
  createRecordIn,
  recordPledgeStatusIn,
  updatePledgeIn,
  updateRecordIn,
  type CitedRecord,
} from "@/features/editing/mutations";
import {
  capacitySchema,
  conditionSchema,
  pledgeCreateSchema,
  pledgePatchSchema,
  pledgeStatusUpdateSchema,
  requirementSchema,
  stakeholderSchema,
} from "@/features/editing/schemas";
import { readDocument, type ReadDocument } from "./documents";
import { rulesExtractor, type Extractor } from "./extractors";
import { findSourceByText, getKnownRecords } from "./queries";
import type { Acceptance, Decision, IntakeDetails, Reopening } from "./schemas";
import { systemNote } from "@/i18n/system-notes";

// Intake's writes: a source taken in with its text and the rules' suggestions, in one transaction;
// a reading again (which never proposes again what was decided); and a person's decision on a
// suggestion, written through the editing writers with the suggestion marked decided in the same
// transaction, so that a decision is made once and nothing is written without one.

export const sha256Of = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export interface TakenIn {
  sourceId: string;
  /** True when this text was taken in before: nothing new was stored. */
  existing: boolean;
  suggestions: number;
}

/** The rows a reading adds: its suggestions, each stored with its quote's offsets. */
function suggestionRows(sourceId: string, extractor: string, suggestions: Suggestion[]) {
  return suggestions.map((suggestion) => ({
    sourceId,
    extractor,
    key: `${extractor}:${suggestion.key}`,
    kind: suggestion.kind,
    quoteStart: suggestion.quote.start,
    quoteEnd: suggestion.quote.end,
    body: JSON.stringify(suggestion),
  }));
}

/**
 * Stores a source with its full text and the rules' suggestions from it. The same text taken in
 * again is the source it already is: nothing is stored, and its id is returned.
 */
export async function takeInSource(
  actor: Principal,
  document: Pick<ReadDocument, "text" | "mediaType">,
  details: IntakeDetails & { title: string; byteSize: number },
): Promise<TakenIn> {
  const sha256 = sha256Of(document.text);
  const existing = await findSourceByText(sha256);
  if (existing) return { sourceId: existing.sourceId, existing: true, suggestions: 0 };
  const reading = await rulesExtractor.read(document.text, await getKnownRecords());
  try {
    return await write(async (tx) => {
      const slug = await uniqueSlug(
        async (s) => (await tx.source.count({ where: { slug: s } })) > 0,
        details.title,
      );
      const source = await tx.source.create({
        data: {
          slug,
          title: details.title,
          publisher: details.publisher ?? null,
          publishedOn: details.publishedOn ?? null,
          url: details.url ?? null,
          fileName: details.fileName ?? null,
        },
      });
      await tx.sourceText.create({
        data: {
          sourceId: source.id,
          text: document.text,
          sha256,
          mediaType: document.mediaType,
          byteSize: details.byteSize,
        },
      });
      await tx.intakeSuggestion.createMany({
        data: suggestionRows(source.id, rulesExtractor.name, reading.suggestions),
      });
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "Source",
        entityId: source.id,
        after: source,
        version: 1,
        note: systemNote("takenIn", { mediaType: document.mediaType, count: reading.suggestions.length }),
      });
      return { sourceId: source.id, existing: false, suggestions: reading.suggestions.length };
    });
  } catch (error) {
    // Someone took in the same text at the same moment: theirs is the source.
    const again = await findSourceByText(sha256);
    if (again && error instanceof WriteError)
      return { sourceId: again.sourceId, existing: true, suggestions: 0 };
    throw error;
  }
}

/**
 * A pasted text or an uploaded file taken in: read into text (documents.ts), its details those given,
 * else those the document suggests, then stored with the rules' suggestions (takeInSource).
 */
export async function takeInDocument(
  actor: Principal,
  bytes: Uint8Array,
  given: IntakeDetails,
  declaredType: string | null,
): Promise<TakenIn> {
  const document = await readDocument(bytes, given.fileName ?? null, declaredType);
  const title = given.title ?? document.details.title ?? given.fileName ?? "Untitled source";
  return takeInSource(actor, document, {
    title: title.slice(0, 300),
    publisher: given.publisher ?? document.details.publisher?.slice(0, 200) ?? null,
    url:
      given.url ?? (document.details.url && isWebAddress(document.details.url) ? document.details.url : null),
    publishedOn: given.publishedOn ?? document.details.publishedOn,
    fileName: given.fileName ?? null,
    byteSize: bytes.byteLength,
  });
}

export interface ReadAgain {
  added: number;
  /** Pending suggestions this reading no longer makes, taken away. */
  removed: number;
  /** Suggestions dropped because their quotes were not in the text. */
  dropped: number;
}

/**
 * Reads a source's stored text again with `extractor` (the rules after an update, or a model): adds
 * what it suggests that is not there yet, takes away pending suggestions of the same extractor it no
 * longer makes, and leaves every decided suggestion as it is, never proposing one again.
 */
export async function readSourceAgain(
  sourceId: string,
  extractor: Extractor,
  signal?: AbortSignal,
): Promise<ReadAgain> {
  const stored = await db().sourceText.findFirst({ where: { sourceId }, select: { text: true } });
  if (!stored) throw notFound("source taken in through intake", sourceId);
  const reading = await extractor.read(stored.text, await getKnownRecords(), signal);
  const rows = suggestionRows(sourceId, extractor.name, reading.suggestions);
  return write(async (tx) => {
    const present = await tx.intakeSuggestion.findMany({
      where: { sourceId },
      select: { key: true, state: true, extractor: true },
    });
    const keys = new Set(present.map((row) => row.key));
    const made = new Set(rows.map((row) => row.key));
    const stale = present.filter(
      (row) => row.state === "pending" && row.extractor === extractor.name && !made.has(row.key),
    );
    if (stale.length > 0) {
      await tx.intakeSuggestion.deleteMany({
        where: { sourceId, state: "pending", key: { in: stale.map((row) => row.key) } },
      });
    }
    const fresh = rows.filter((row) => !keys.has(row.key));
    await tx.intakeSuggestion.createMany({ data: fresh });
    return { added: fresh.length, removed: stale.length, dropped: reading.dropped };
  });
}

/** Input checked by an editing schema, its messages kept for the form's fields. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new WriteError("invalid", invalid("outcome.fieldsNeedAttention"), {
    fields: fieldErrors(parsed.error),
  });
}

const asText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export interface Decided {
  state: "accepted" | "rejected";
  record: CitedRecord | null;
}

/**
 * A person's decision on a suggestion. Rejecting writes nothing but the decision; accepting writes
 * the record (or the evidence) through the editing writers, citing the source with the quote, and
 * the decision with it in one transaction. A suggestion decided since the page was shown is refused.
 */
export async function decideSuggestion(actor: Principal, decision: Decision): Promise<Decided> {
  return write(async (tx) => {
    const row = await tx.intakeSuggestion.findFirst({
      where: { id: decision.suggestionId },
      include: {
        source: { select: { id: true, title: true, publishedOn: true, text: { select: { text: true } } } },
      },
    });
    if (!row || !row.source.text) throw notFound("suggestion", decision.suggestionId);
    if (row.state !== "pending" || row.version !== decision.version) {
      throw new WriteError(
        "conflict",
        row.state === "pending"
          ? invalid("refusal.suggestionChanged")
          : row.decidedAt
            ? invalid("refusal.suggestionDecidedAt", {
                state: row.state,
                at: row.decidedAt.toISOString().slice(0, 16).replace("T", " "),
              })
            : invalid("refusal.suggestionDecided", { state: row.state }),
        { current: { version: row.version, state: row.state } },
      );
    }
    // Claimed before anything is written: on PostgreSQL a second decision waits here for the first to
    // commit, then finds the version moved on and is refused, having written nothing.
    const claimed = await tx.intakeSuggestion.updateMany({
      where: { id: row.id, version: row.version, state: "pending" },
      data: { version: { increment: 1 } },
    });
    if (claimed.count === 0) {
      throw new WriteError("conflict", invalid("refusal.suggestionDecidedMeanwhile"), {
        current: { version: row.version + 1, state: row.state },
      });
    }
    let record: CitedRecord | null = null;
    if (decision.action === "accept") {
      if (decision.kind !== row.kind) {
        throw new WriteError(
          "invalid",
          invalid("refusal.suggestionKind", { kind: row.kind, chosen: decision.kind }),
        );
      }
      const suggestion = JSON.parse(row.body) as Suggestion;
      const quote = row.source.text.text.slice(row.quoteStart, row.quoteEnd).slice(0, pledgeTextLimits.quote);
      record = await accept(tx, actor, suggestion, decision, {
        sourceId: row.source.id,
        sourceTitle: row.source.title,
        publishedOn: row.source.publishedOn,
        quote,
      });
    }
    await tx.intakeSuggestion.update({
      where: { id: row.id },
      data: {
        state: decision.action === "accept" ? "accepted" : "rejected",
        decidedAt: new Date(),
        decidedById: actor.kind === "user" ? actor.id : null,
        recordType: record?.kind ?? null,
        recordId: record?.id ?? null,
      },
    });
    return { state: decision.action === "accept" ? "accepted" : "rejected", record };
  });
}

/**
 * Takes back a rejection: the suggestion waits for a decision again (and a reading of the source
 * proposes it again). An acceptance is not taken back here: what it wrote is edited where it lives.
 * A rejection taken back since the page was shown, or decided anew, is refused.
 */
export async function reopenSuggestion(actor: Principal, reopening: Reopening): Promise<void> {
  await write(async (tx) => {
    const row = await tx.intakeSuggestion.findFirst({
      where: { id: reopening.suggestionId },
      select: { id: true, state: true, version: true, decidedAt: true, decidedById: true },
    });
    if (!row) throw notFound("suggestion", reopening.suggestionId);
    if (row.state !== "rejected" || row.version !== reopening.version) {
      throw new WriteError(
        "conflict",
        row.state === "accepted"
          ? invalid("refusal.suggestionWasAccepted")
          : row.state === "pending"
            ? invalid("refusal.suggestionWaiting")
            : invalid("refusal.suggestionChanged"),
        { current: { version: row.version, state: row.state } },
      );
    }
    const reopened = await tx.intakeSuggestion.updateMany({
      where: { id: row.id, version: row.version, state: "rejected" },
      data: { state: "pending", decidedAt: null, decidedById: null, version: { increment: 1 } },
    });
    if (reopened.count === 0) {
      throw new WriteError("conflict", invalid("refusal.suggestionChangedMeanwhile"), {
        current: { version: row.version + 1, state: row.state },
      });
    }
    // The rejection's who and when leave the row: the audit keeps them.
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "IntakeSuggestion",
      entityId: row.id,
      before: { state: row.state, decidedAt: row.decidedAt, decidedById: row.decidedById },
      after: { state: "pending" },
      version: row.version + 1,
      note: systemNote("rejectionTakenBack"),
    });
  });
}

interface Evidence {
  sourceId: string;
  sourceTitle: string;
  publishedOn: Date | null;
  quote: string;
}

/** The stakeholders a decision links: those the tracker holds, and new ones created here. */
async function linkedStakeholders(tx: Tx, actor: Principal, decision: Acceptance) {
  const linked = [...decision.stakeholders];
  // One after the other, in the transaction: the same name twice is one stakeholder.
  for (const party of decision.newStakeholders) {
    const input = checked(stakeholderSchema, {
      name: party.name,
      kind: party.kind,
      countryCode: party.countryCode ?? null,
    });
    const same = await tx.stakeholder.findFirst({ where: { name: input.name }, select: { id: true } });
    const stakeholder = same ?? (await createRecordIn(tx, actor, "stakeholder", input));
    if (!linked.some((link) => link.stakeholderId === stakeholder.id)) {
      linked.push({ stakeholderId: stakeholder.id, role: party.role });
    }
  }
  return linked;
}

async function accept(
  tx: Tx,
  actor: Principal,
  suggestion: Suggestion,
  decision: Acceptance,
  evidence: Evidence,
): Promise<CitedRecord> {
  const cite = { sourceId: evidence.sourceId, quote: evidence.quote };
  const note = systemNote("fromIntake", { title: evidence.sourceTitle });
  const fields = decision.fields;
  const existing = decision.target === "existing" ? decision.existingId : null;
  if (decision.target === "existing" && !existing) {
    throw new WriteError("invalid", invalid("refusal.chooseEvidenceFor"), {
      fields: { existingId: invalid("chooseOne") },
    });
  }

  switch (suggestion.kind) {
    case "pledge": {
      if (suggestion.stance !== "pledge") return recordStance(tx, actor, decision, cite);
      if (existing) {
        // The quote is cited once: with the status it supports, or on the pledge itself.
        if (decision.recordStatus && decision.recordStatus !== "none") {
          await moveStatus(tx, actor, existing, decision.recordStatus, note, cite);
        } else await citeRecordIn(tx, actor, { kind: "pledge", id: existing }, cite);
        return { kind: "pledge", id: existing };
      }
      const stakeholders = await linkedStakeholders(tx, actor, decision);
      const announcedOn =
        asText(fields.announcedOn) || (evidence.publishedOn ?? new Date()).toISOString().slice(0, 10);
      const input = checked(pledgeCreateSchema, {
        title: asText(fields.title),
        description: asText(fields.description),
        category: asText(fields.category),
        quantityUnit: asText(fields.quantityUnit),
        quantityLow: asText(fields.quantityLow),
        quantityHigh: asText(fields.quantityHigh),
        quantityQualifier: asText(fields.quantityQualifier) || "exact",
        announcedOn,
        announcedPrecision:
          asText(fields.announcedPrecision) ||
          (evidence.publishedOn || fields.announcedOn ? "day" : "unknown"),
        scope: asText(fields.scope),
        stakeholders,
        conditionIds: Array.isArray(fields.conditionIds)
          ? fields.conditionIds
          : fields.conditionIds
            ? [fields.conditionIds]
            : [],
        note,
        sourceId: evidence.sourceId,
        quote: evidence.quote,
      });
      const pledge = await createPledgeIn(tx, actor, input);
      const status = asText(fields.status);
      if (status && status !== "announced")
        await moveStatus(tx, actor, pledge.id, status, note, cite, input.announcedOn);
      return { kind: "pledge", id: pledge.id };
    }
    case "condition": {
      if (existing) {
        await citeRecordIn(tx, actor, { kind: "condition", id: existing }, cite);
        return { kind: "condition", id: existing };
      }
      const [dependsOn] = await linkedStakeholders(tx, actor, decision);
      const input = checked(conditionSchema, {
        title: asText(fields.title),
        description: asText(fields.description),
        dependsOnId: dependsOn?.stakeholderId ?? "",
      });
      const condition = await createRecordIn(tx, actor, "condition", input);
      await citeRecordIn(tx, actor, { kind: "condition", id: condition.id }, cite);
      return { kind: "condition", id: condition.id };
    }
    case "figure":
    case "requirement":
    case "capacity": {
      const as = suggestion.kind === "figure" ? decision.figureAs : suggestion.kind;
      if (!as)
        throw new WriteError("invalid", invalid("refusal.sayFigure"), {
          fields: { figureAs: invalid("chooseOne") },
        });
      if (as === "pledge") return pledgeQuantity(tx, actor, decision, fields, cite, note);
      const [stated] = await linkedStakeholders(tx, actor, decision);
      const figure = {
        title: asText(fields.title),
        unit: asText(fields.unit),
        low: asText(fields.low),
        high: asText(fields.high),
        qualifier: asText(fields.qualifier) || "exact",
        stakeholderId: stated?.stakeholderId ?? "",
      };
      if (as === "requirement") {
        const input = checked(requirementSchema, {
          ...figure,
          description: asText(fields.description),
          scope: asText(fields.scope),
        });
        const requirement = await createRecordIn(tx, actor, "requirement", input);
        await citeRecordIn(tx, actor, { kind: "requirement", id: requirement.id }, cite);
        return { kind: "requirement", id: requirement.id };
      }
      const capacity = await createRecordIn(tx, actor, "capacity", checked(capacitySchema, figure));
      await citeRecordIn(tx, actor, { kind: "capacity", id: capacity.id }, cite);
      return { kind: "capacity", id: capacity.id };
    }
    case "status": {
      const pledgeId = existing ?? suggestion.pledge.id;
      const status = decision.recordStatus === "none" ? null : (decision.recordStatus ?? suggestion.status);
      if (status) await moveStatus(tx, actor, pledgeId, status, note, cite);
      else await citeRecordIn(tx, actor, { kind: "pledge", id: pledgeId }, cite);
      return { kind: "pledge", id: pledgeId };
    }
  }
}

/** A figure kept as a tracked pledge's quantity: the pledge updated, the change citing the quote. */
async function pledgeQuantity(
  tx: Tx,
  actor: Principal,
  decision: Acceptance,
  fields: Acceptance["fields"],
  cite: { sourceId: string; quote: string },
  note: string,
): Promise<CitedRecord> {
  const pledgeId = decision.existingId;
  if (!pledgeId)
    throw new WriteError("invalid", invalid("refusal.choosePledgeOfQuantity"), {
      fields: { existingId: invalid("chooseOne") },
    });
  const pledge = await tx.pledge.findFirst({
    where: { id: pledgeId, deletedAt: null },
    select: { version: true },
  });
  if (!pledge) throw notFound("pledge", pledgeId);
  const patch = checked(pledgePatchSchema, {
    version: pledge.version,
    quantityUnit: asText(fields.unit),
    quantityLow: asText(fields.low),
    quantityHigh: asText(fields.high),
    quantityQualifier: asText(fields.qualifier) || "exact",
  });
  const after = await updatePledgeIn(tx, actor, pledgeId, patch, { ...cite, note });
  // The quantity it has already: the quote is evidence all the same.
  if (after.version === pledge.version) await citeRecordIn(tx, actor, { kind: "pledge", id: pledgeId }, cite);
  return { kind: "pledge", id: pledgeId };
}

/** A pledge's status moved to what the quote supports, the quote cited as its evidence; nothing when it is there already. */
async function moveStatus(
  tx: Tx,
  actor: Principal,
  pledgeId: string,
  status: string,
  note: string,
  cite: { sourceId: string; quote: string },
  occurredOn?: Date,
) {
  const pledge = await tx.pledge.findFirst({
    where: { id: pledgeId, deletedAt: null },
    select: { version: true, status: true },
  });
  if (!pledge) throw notFound("pledge", pledgeId);
  // Evidence never moves a pledge back along its course ("committed" when it is delivered already):
  // the quote is cited, the status stays.
  const course = ["announced", "committed", "in_progress", "delivered"];
  const behind = course.includes(status) && course.indexOf(status) < course.indexOf(pledge.status);
  if (pledge.status === status || behind) {
    await citeRecordIn(tx, actor, { kind: "pledge", id: pledgeId }, cite);
    return;
  }
  const update = checked(pledgeStatusUpdateSchema, {
    status,
    note,
    version: pledge.version,
    sourceId: cite.sourceId,
    quote: cite.quote,
    ...(occurredOn ? { occurredOn: occurredOn.toISOString().slice(0, 10) } : {}),
  });
  await recordPledgeStatusIn(tx, actor, pledgeId, update);
}

/**
 * A refusal or a reservation, kept as each stakeholder's stance (the words chosen, after what it
 * said before) with the quote cited as its evidence.
 */
async function recordStance(
  tx: Tx,
  actor: Principal,
  decision: Acceptance,
  cite: { sourceId: string; quote: string },
): Promise<CitedRecord> {
  const stance = decision.stance?.trim();
  if (!stance)
    throw new WriteError("invalid", invalid("refusal.sayStance"), {
      fields: { stance: invalid("required", { what: "stance" }) },
    });
  const linked = await linkedStakeholders(tx, actor, decision);
  if (linked.length === 0) {
    throw new WriteError("invalid", invalid("refusal.chooseWhoseStance"), {
      fields: { stakeholders: invalid("chooseAtLeastOne") },
    });
  }
  for (const { stakeholderId } of linked) {
    const stakeholder = await tx.stakeholder.findFirst({ where: { id: stakeholderId } });
    if (!stakeholder) throw notFound("stakeholder", stakeholderId);
    const { name, kind, countryCode, primaryContribution, description } = stakeholder;
    const before = stakeholder.stance?.trim();
    const combined = before && !before.includes(stance) ? `${before} ${stance}` : stance;
    await updateRecordIn(
      tx,
      actor,
      "stakeholder",
      stakeholderId,
      stakeholder.version,
      checked(stakeholderSchema, {
        name,
        kind,
        countryCode,
        primaryContribution,
        description,
        stance: combined.slice(0, 1000),
      }),
    );
    await citeRecordIn(tx, actor, { kind: "stakeholder", id: stakeholderId }, cite);
  }
  return { kind: "stakeholder", id: linked[0]!.stakeholderId };
}
