"use server";

import { invalid } from "@/lib/validation-message";
import type { z } from "zod";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import type { FormState } from "@/features/forms/form-state";
import { single, type FormValues } from "@/features/forms/form-values";
import { goTo, runFormAction, type Conflict } from "@/features/forms/run-form-action";
import {
  createPledge,
  createRecord,
  deletePledge,
  deleteRecord,
  recordConditionStatus,
  recordPledgeStatus,
  restorePledge,
  updatePledge,
  updateRecord,
} from "./mutations";
import { isRecordKind, recordFormInput, recordKinds, type RecordKind } from "./record-kinds";
import { pledgeFormInput } from "./pledge-values";
import {
  conditionStatusUpdateSchema,
  pledgeCreateSchema,
  pledgeFormSchema,
  pledgePatchSchema,
  pledgeStatusUpdateSchema,
  stakeholderSchema,
  versionField,
} from "./schemas";

// Server actions behind the editing forms, each one runFormAction: the permission checked first,
// everything re-validated with the schemas the API uses, a FormState answered rather than thrown.

function sentVersion(values: FormValues): number {
  const parsed = versionField.safeParse(single(values, "version"));
  return parsed.success ? parsed.data : 0;
}

const text = (values: FormValues, key: string) => single(values, key) ?? "";

/** The record a form edits, at the version it was opened with. */
const opened = (entityType: string, entityId: string, sentVersion: number): Conflict => ({
  entityType,
  entityId,
  sentVersion,
});

// ---- Pledges ----

type PledgeSave = { id: string; version: number } & (
  { edited: z.output<typeof pledgeFormSchema> } | { created: z.output<typeof pledgeCreateSchema> }
);

export async function savePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction<PledgeSave>(form, {
    permission: "edit",
    // A new pledge carries its evidence; an edit does not (deliveries and statuses carry theirs).
    parse(values) {
      const id = text(values, "id");
      const version = sentVersion(values);
      if (id) {
        const edited = pledgeFormSchema.safeParse(pledgeFormInput(values));
        return edited.success ? { success: true, data: { id, version, edited: edited.data } } : edited;
      }
      const created = pledgeCreateSchema.safeParse({
        ...pledgeFormInput(values),
        note: text(values, "note"),
        ...evidenceInput(values),
      });
      return created.success ? { success: true, data: { id, version, created: created.data } } : created;
    },
    conflict: ({ id, version }) => (id ? opened("Pledge", id, version) : undefined),
    async work(data, principal) {
      if ("edited" in data) {
        // Deliveries are recorded with their evidence (recordDeliveryAction), not edited here.
        await updatePledge(principal, data.id, {
          ...data.edited,
          deliveredQuantity: undefined,
          version: data.version,
        });
        return goTo(`/pledges/${data.id}`, { message: invalid("outcome.pledgeSaved") });
      }
      const { id } = await createPledge(principal, data.created);
      return goTo(`/pledges/${id}`, { message: invalid("outcome.pledgeAdded") });
    },
  });
}

export async function deletePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse: (values) => ({ success: true, data: { id: text(values, "id"), version: sentVersion(values) } }),
    conflict: ({ id, version }) => opened("Pledge", id, version),
    async work({ id, version }, principal) {
      await deletePledge(principal, id, version);
      return goTo("/pledges", {
        message: invalid("outcome.pledgeDeleted"),
        undo: { pledgeId: id, version: version + 1 },
      });
    },
  });
}

/** Brings a deleted pledge back (from "Recently deleted", or a delete's Undo). */
export async function restorePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse(values) {
      const id = pledgeIdSchema.safeParse(single(values, "id"));
      if (!id.success) return { refused: invalid("outcome.noPledgeToRestore") };
      return { success: true, data: { id: id.data, version: sentVersion(values) } };
    },
    async work({ id, version }, principal) {
      await restorePledge(principal, id, version);
      return goTo(`/pledges/${id}`, { message: invalid("outcome.pledgeRestored") });
    },
  });
}

// ---- Status updates (pledges and conditions) and deliveries ----

/** The evidence fields of a form (EvidenceFields): an existing source and quote, or a new source. */
function evidenceInput(values: FormValues) {
  const text = (key: string) => single(values, key) ?? "";
  return text("sourceMode") === "new"
    ? {
        source: {
          title: text("sourceTitle"),
          url: text("sourceUrl"),
          publisher: text("sourcePublisher"),
          quote: text("sourceQuote"),
        },
      }
    : { sourceId: text("sourceId"), quote: text("quote") };
}

/**
 * A delivery with its evidence: the amount delivered so far, or the amount of this delivery added
 * to it, on the day it happened. Written by the same writer as every pledge edit (updatePledge).
 */
export async function recordDeliveryAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse(values) {
      const amount = text(values, "deliveredQuantity").trim();
      if (!amount) {
        return {
          refused: invalid("outcome.fieldsNeedAttention"),
          fields: { deliveredQuantity: invalid("outcome.giveAmount") },
        };
      }
      // The form's one amount field is the total so far or this delivery's amount; the writer adds
      // an increment to the total as it is when saved.
      const increment = text(values, "amountMode") === "increment";
      const parsed = pledgePatchSchema.safeParse({
        version: text(values, "version"),
        ...(increment ? { deliveredIncrement: amount } : { deliveredQuantity: amount }),
        note: text(values, "note"),
        occurredOn: text(values, "occurredOn"),
        ...evidenceInput(values),
      });
      if (!parsed.success) return parsed;
      return { success: true, data: { id: text(values, "id"), patch: parsed.data } };
    },
    conflict: ({ id, patch }) => opened("Pledge", id, patch.version),
    onError: onAmountField,
    async work({ id, patch }, principal) {
      await updatePledge(principal, id, patch);
      return goTo(`/pledges/${id}`, { message: invalid("outcome.deliveryRecorded") });
    },
  });
}

/** An error about the increment, shown at the form's one amount field. */
function onAmountField(state: FormState): FormState {
  const { deliveredIncrement, ...fields } = state.fields ?? {};
  if (deliveredIncrement === undefined) return state;
  return { ...state, fields: { ...fields, deliveredQuantity: deliveredIncrement } };
}

type StatusRecord =
  | { subject: "pledge"; id: string; update: z.output<typeof pledgeStatusUpdateSchema> }
  | { subject: "condition"; id: string; update: z.output<typeof conditionStatusUpdateSchema> };

export async function recordStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction<StatusRecord>(form, {
    permission: "edit",
    parse(values) {
      const id = text(values, "id");
      const input = {
        status: text(values, "status"),
        note: text(values, "note"),
        version: text(values, "version"),
        occurredOn: text(values, "occurredOn"),
        ...evidenceInput(values),
      };
      // Each subject is parsed with its own statuses, so each write gets exactly its type.
      if (text(values, "subject") === "condition") {
        const parsed = conditionStatusUpdateSchema.safeParse(input);
        return parsed.success
          ? { success: true, data: { subject: "condition" as const, id, update: parsed.data } }
          : parsed;
      }
      const parsed = pledgeStatusUpdateSchema.safeParse(input);
      return parsed.success
        ? { success: true, data: { subject: "pledge" as const, id, update: parsed.data } }
        : parsed;
    },
    conflict: (data) =>
      opened(data.subject === "pledge" ? "Pledge" : "Condition", data.id, data.update.version),
    async work(data, principal) {
      if (data.subject === "pledge") await recordPledgeStatus(principal, data.id, data.update);
      else await recordConditionStatus(principal, data.id, data.update);
      return goTo(data.subject === "pledge" ? `/pledges/${data.id}` : `/manage/condition/${data.id}`, {
        message: invalid("outcome.statusRecorded"),
      });
    },
  });
}

// ---- Plain records ----

/** The kind of record a form names, or the refusal of one that does not exist. */
function recordKindOf(values: FormValues): RecordKind | { refused: string } {
  const kind = text(values, "recordKind");
  return isRecordKind(kind) ? kind : { refused: invalid("outcome.unknownRecordKind", { kind }) };
}

export async function saveRecordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse(values) {
      const kind = recordKindOf(values);
      if (typeof kind !== "string") return kind;
      const parsed = recordKinds[kind].schema.safeParse(recordFormInput(kind, values));
      if (!parsed.success) return parsed;
      // The schema for `kind` produced this input.
      const input = parsed.data as never;
      return { success: true, data: { kind, id: single(values, "id"), version: sentVersion(values), input } };
    },
    conflict: ({ kind, id, version }) => (id ? opened(recordKinds[kind].entity, id, version) : undefined),
    async work({ kind, id, version, input }, principal) {
      if (id) {
        await updateRecord(principal, kind, id, version, input);
        return goTo(`/manage/${kind}/${id}`, { message: invalid("outcome.saved") });
      }
      const created = await createRecord(principal, kind, input);
      return goTo(`/manage/${kind}/${created.id}`, { message: invalid("outcome.added") });
    },
  });
}

/**
 * A stakeholder created from the pledge form's picker: the pledge form stays open and links it.
 * The same schema and writer as the Records form, so it is audited like any other new record.
 */
export async function createStakeholderAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    schema: stakeholderSchema,
    input: (values) => recordFormInput("stakeholder", values),
    async work(input, principal) {
      const created = await createRecord(principal, "stakeholder", input);
      return {
        status: "saved",
        message: invalid("outcome.stakeholderAdded", { name: input.name }),
        created: { id: created.id, label: input.name },
      };
    },
  });
}

export async function deleteRecordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse(values) {
      const kind = recordKindOf(values);
      if (typeof kind !== "string") return kind;
      return { success: true, data: { kind, id: text(values, "id"), version: sentVersion(values) } };
    },
    conflict: ({ kind, id, version }) => opened(recordKinds[kind].entity, id, version),
    async work({ kind, id, version }, principal) {
      await deleteRecord(principal, kind, id, version);
      return goTo(`/manage/${kind}`, { message: invalid("outcome.deleted") });
    },
  });
}
