"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import type { Flash } from "@/lib/flash";
import { flash } from "@/server/flash";
import { act, gate, invalid } from "./action-kit";
import type { FormState } from "./form-state";
import { formValues, list, single, stakeholderLinks, type FormValues } from "./form-values";
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
import { isRecordKind, recordKinds } from "./record-kinds";
import {
  conditionStatusUpdateSchema,
  pledgeCreateSchema,
  pledgeFormSchema,
  pledgePatchSchema,
  pledgeStatusUpdateSchema,
  versionField,
} from "./schemas";

// Server actions behind the editing forms. Each checks the permission itself, re-validates
// everything with the schemas the API uses, and answers a FormState rather than throwing.

function sentVersion(values: FormValues): number {
  const parsed = versionField.safeParse(single(values, "version"));
  return parsed.success ? parsed.data : 0;
}

/** After a write: every page shows it, the next one confirms it with `message`, and goes to `path`. */
async function done(path: string, message: Flash): Promise<never> {
  revalidatePath("/", "layout");
  await flash(message);
  redirect(path);
}

// ---- Pledges ----

function pledgeInput(values: FormValues) {
  const text = (key: string) => single(values, key) ?? "";
  return {
    title: text("title"),
    description: text("description"),
    category: text("category"),
    quantityUnit: text("quantityUnit"),
    quantityLow: text("quantityLow"),
    quantityHigh: text("quantityHigh"),
    quantityQualifier: text("quantityQualifier"),
    deliveredQuantity: text("deliveredQuantity"),
    announcedOn: text("announcedOn"),
    dueOn: text("dueOn"),
    scope: text("scope"),
    externalId: text("externalId"),
    stakeholders: stakeholderLinks(values),
    conditionIds: list(values, "conditionIds"),
  };
}

export async function savePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const id = single(values, "id");
  // A new pledge carries its evidence; an edit does not (deliveries and statuses carry theirs).
  const edited = id ? pledgeFormSchema.safeParse(pledgeInput(values)) : null;
  const created = id
    ? null
    : pledgeCreateSchema.safeParse({
        ...pledgeInput(values),
        note: single(values, "note") ?? "",
        ...evidenceInput(values),
      });
  const checked = (edited ?? created)!;
  if (!checked.success) return invalid(checked.error, values);
  const version = sentVersion(values);
  let savedId = id;
  const state = await act(
    access.principal,
    values,
    async (principal) => {
      // Deliveries are recorded with their evidence (recordDeliveryAction), not edited here.
      if (id && edited?.success) {
        await updatePledge(principal, id, { ...edited.data, deliveredQuantity: undefined, version });
      } else if (created?.success) savedId = (await createPledge(principal, created.data)).id;
    },
    id ? { entityType: "Pledge", entityId: id, sentVersion: version } : undefined,
  );
  if (state.status !== "saved") return state;
  return done(`/pledges/${savedId}`, { message: id ? "Pledge saved." : "Pledge added." });
}

export async function deletePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const id = single(values, "id") ?? "";
  const version = sentVersion(values);
  const state = await act(access.principal, values, (principal) => deletePledge(principal, id, version), {
    entityType: "Pledge",
    entityId: id,
    sentVersion: version,
  });
  if (state.status !== "saved") return state;
  return done("/pledges", { message: "Pledge deleted.", undo: { pledgeId: id, version: version + 1 } });
}

/** Brings a deleted pledge back (from "Recently deleted", or a delete's Undo). */
export async function restorePledgeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const id = pledgeIdSchema.safeParse(single(values, "id"));
  if (!id.success) return { status: "error", message: "There is no such pledge to restore.", values };
  const version = sentVersion(values);
  const state = await act(access.principal, values, async (principal) => {
    await restorePledge(principal, id.data, version);
  });
  if (state.status !== "saved") return state;
  return done(`/pledges/${id.data}`, { message: "Pledge restored." });
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
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const id = single(values, "id") ?? "";
  const text = (key: string) => single(values, key) ?? "";
  const amount = text("deliveredQuantity").trim();
  if (!amount) {
    return {
      status: "error",
      message: "Some fields need attention.",
      fields: { deliveredQuantity: "give the amount delivered" },
      values,
    };
  }
  // The form's one amount field is the total so far or this delivery's amount; the writer adds an
  // increment to the total as it is when saved.
  const increment = text("amountMode") === "increment";
  const parsed = pledgePatchSchema.safeParse({
    version: text("version"),
    ...(increment ? { deliveredIncrement: amount } : { deliveredQuantity: amount }),
    note: text("note"),
    occurredOn: text("occurredOn"),
    ...evidenceInput(values),
  });
  if (!parsed.success) return onAmountField(invalid(parsed.error, values));
  const state = await act(
    access.principal,
    values,
    async (principal) => {
      await updatePledge(principal, id, parsed.data);
    },
    {
      entityType: "Pledge",
      entityId: id,
      sentVersion: parsed.data.version,
    },
  );
  if (state.status !== "saved") return onAmountField(state);
  return done(`/pledges/${id}`, { message: "Delivery recorded." });
}

/** An error about the increment, shown at the form's one amount field. */
function onAmountField(state: FormState): FormState {
  const { deliveredIncrement, ...fields } = state.fields ?? {};
  if (deliveredIncrement === undefined) return state;
  return { ...state, fields: { ...fields, deliveredQuantity: deliveredIncrement } };
}

export async function recordStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const subject = single(values, "subject") === "condition" ? "condition" : "pledge";
  const id = single(values, "id") ?? "";
  const text = (key: string) => single(values, key) ?? "";
  const input = {
    status: text("status"),
    note: text("note"),
    version: text("version"),
    occurredOn: text("occurredOn"),
    ...evidenceInput(values),
  };
  // Each subject is parsed with its own statuses, so each write gets exactly its type.
  const parsed =
    subject === "pledge"
      ? pledgeStatusUpdateSchema.safeParse(input)
      : conditionStatusUpdateSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, values);
  const sent = parsed.data.version;
  const state = await act(
    access.principal,
    values,
    async (principal) => {
      if (subject === "pledge") {
        await recordPledgeStatus(principal, id, pledgeStatusUpdateSchema.parse(input));
      } else {
        await recordConditionStatus(principal, id, conditionStatusUpdateSchema.parse(input));
      }
    },
    { entityType: subject === "pledge" ? "Pledge" : "Condition", entityId: id, sentVersion: sent },
  );
  if (state.status !== "saved") return state;
  return done(subject === "pledge" ? `/pledges/${id}` : `/manage/condition/${id}`, {
    message: "Status change recorded.",
  });
}

// ---- Plain records ----

function recordInput(kind: keyof typeof recordKinds, values: FormValues) {
  return Object.fromEntries(recordKinds[kind].fields.map(({ name }) => [name, single(values, name) ?? ""]));
}

export async function saveRecordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const kind = single(values, "recordKind") ?? "";
  if (!isRecordKind(kind)) return { status: "error", message: `Unknown kind of record "${kind}".` };
  const id = single(values, "id");
  const parsed = recordKinds[kind].schema.safeParse(recordInput(kind, values));
  if (!parsed.success) return invalid(parsed.error, values);
  const version = sentVersion(values);
  let savedId = id;
  const state = await act(
    access.principal,
    values,
    async (principal) => {
      // The schema for `kind` produced this input.
      const input = parsed.data as never;
      if (id) await updateRecord(principal, kind, id, version, input);
      else savedId = (await createRecord(principal, kind, input)).id;
    },
    id ? { entityType: recordKinds[kind].entity, entityId: id, sentVersion: version } : undefined,
  );
  if (state.status !== "saved") return state;
  return done(`/manage/${kind}/${savedId}`, { message: id ? "Saved." : "Added." });
}

export async function deleteRecordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const kind = single(values, "recordKind") ?? "";
  if (!isRecordKind(kind)) return { status: "error", message: `Unknown kind of record "${kind}".` };
  const id = single(values, "id") ?? "";
  const version = sentVersion(values);
  const state = await act(
    access.principal,
    values,
    (principal) => deleteRecord(principal, kind, id, version),
    {
      entityType: recordKinds[kind].entity,
      entityId: id,
      sentVersion: version,
    },
  );
  if (state.status !== "saved") return state;
  return done(`/manage/${kind}`, { message: "Deleted." });
}
