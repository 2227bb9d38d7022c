"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/access";
import { AccessError, requireActionPermission } from "@/server/access";
import { changeRole, createAccount } from "@/server/accounts";
import { createApiToken, revokeApiToken } from "@/server/api-tokens";
import { db } from "@/server/db";
import type { FormState } from "./form-state";
import { formValues, list, single, stakeholderLinks, type FormValues } from "./form-values";
import {
  createPledge,
  createRecord,
  deletePledge,
  deleteRecord,
  recordConditionStatus,
  recordPledgeStatus,
  updatePledge,
  updateRecord,
} from "./mutations";
import { changesSince } from "./queries";
import { isRecordKind, recordKinds } from "./record-kinds";
import {
  accountSchema,
  apiTokenSchema,
  conditionStatusUpdateSchema,
  fieldErrors,
  pledgeCreateSchema,
  pledgeStatusUpdateSchema,
  roleChangeSchema,
  versionField,
} from "./schemas";
import { WriteError } from "./write-error";

// Server actions behind the editing forms. Each checks the permission itself, re-validates
// everything with the schemas the API uses, and answers a FormState rather than throwing.

type Conflict = { entityType: string; entityId: string; sentVersion: number };

async function act(
  principal: Principal,
  values: FormValues,
  work: (principal: Principal) => Promise<FormState | void>,
  conflict?: Conflict,
): Promise<FormState> {
  try {
    return (await work(principal)) ?? { status: "saved" };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof WriteError) {
      const state: FormState = {
        status: "error",
        message: error.message,
        fields: error.details.fields,
        values,
      };
      if (error.kind === "conflict" && conflict) {
        const current = error.details.current as { version: number };
        const changes = await changesSince(conflict.entityType, conflict.entityId, conflict.sentVersion);
        state.conflict = {
          message: error.message,
          currentVersion: current.version,
          changes: changes.map((c) => ({ ...c, at: c.at.toISOString() })),
        };
      }
      return state;
    }
    console.error("Form action failed", error);
    return {
      status: "error",
      message: "Saving failed on the server; it has been logged. Nothing was saved.",
      values,
    };
  }
}

/** Who is acting, checked first of all; or the refusal to answer before even validating. */
async function gate(
  permission: Permission,
  values: FormValues,
): Promise<{ ok: true; principal: Principal } | { ok: false; state: FormState }> {
  try {
    return { ok: true, principal: await requireActionPermission(permission) };
  } catch (error) {
    if (error instanceof AccessError)
      return { ok: false, state: { status: "error", message: error.message, values } };
    throw error;
  }
}

function invalid(error: z.ZodError, values: FormValues): FormState {
  return { status: "error", message: "Some fields need attention.", fields: fieldErrors(error), values };
}

function sentVersion(values: FormValues): number {
  const parsed = versionField.safeParse(single(values, "version"));
  return parsed.success ? parsed.data : 0;
}

const afterWrite = () => revalidatePath("/", "layout");

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
  const parsed = pledgeCreateSchema.safeParse(pledgeInput(values));
  if (!parsed.success) return invalid(parsed.error, values);
  const version = sentVersion(values);
  let savedId = id;
  const state = await act(
    access.principal,
    values,
    async (principal) => {
      if (id) await updatePledge(principal, id, { ...parsed.data, version });
      else savedId = (await createPledge(principal, parsed.data)).id;
    },
    id ? { entityType: "Pledge", entityId: id, sentVersion: version } : undefined,
  );
  if (state.status !== "saved") return state;
  afterWrite();
  redirect(`/pledges/${savedId}`);
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
  afterWrite();
  redirect("/pledges");
}

// ---- Status updates (pledges and conditions) ----

export async function recordStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("edit", values);
  if (!access.ok) return access.state;
  const subject = single(values, "subject") === "condition" ? "condition" : "pledge";
  const id = single(values, "id") ?? "";
  const text = (key: string) => single(values, key) ?? "";
  const newSource = text("sourceMode") === "new";
  const input = {
    status: text("status"),
    note: text("note"),
    version: text("version"),
    occurredOn: text("occurredOn"),
    ...(newSource
      ? {
          source: {
            title: text("sourceTitle"),
            url: text("sourceUrl"),
            publisher: text("sourcePublisher"),
            quote: text("sourceQuote"),
          },
        }
      : { sourceId: text("sourceId"), quote: text("quote") }),
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
  afterWrite();
  redirect(subject === "pledge" ? `/pledges/${id}` : `/manage/condition/${id}`);
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
  afterWrite();
  redirect(`/manage/${kind}/${savedId}`);
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
  afterWrite();
  redirect(`/manage/${kind}`);
}

// ---- Users and API tokens (admins) ----

export async function createAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const parsed = accountSchema.safeParse(
    Object.fromEntries(["name", "email", "role", "password"].map((k) => [k, single(values, k) ?? ""])),
  );
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    if (await db().user.findUnique({ where: { email: parsed.data.email.toLowerCase() } })) {
      throw new WriteError("invalid", "An account with this email already exists.", {
        fields: { email: "already used" },
      });
    }
    await createAccount(db(), parsed.data, principal);
    return { status: "saved", message: `Created ${parsed.data.role} ${parsed.data.email}.` };
  });
  if (state.status === "saved") revalidatePath("/admin");
  return state;
}

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const parsed = roleChangeSchema.safeParse({
    userId: single(values, "userId"),
    role: single(values, "role"),
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    const { userId, role } = parsed.data;
    if (principal.kind === "user" && principal.id === userId && role !== "admin") {
      throw new WriteError("invalid", "You cannot remove your own admin role; ask another admin.");
    }
    if (!(await changeRole(db(), userId, role, principal))) {
      throw new WriteError("not-found", "There is no such user.");
    }
    return { status: "saved", message: `Role changed to ${parsed.data.role}.` };
  });
  if (state.status === "saved") revalidatePath("/admin");
  return state;
}

export async function createTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const parsed = apiTokenSchema.safeParse({
    name: single(values, "name") ?? "",
    role: single(values, "role") ?? "",
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    const { token } = await createApiToken(db(), parsed.data, principal);
    return {
      status: "saved",
      message: `Created the token “${parsed.data.name}”. Copy it now: it is shown only once.`,
      secret: token,
    };
  });
  if (state.status === "saved") revalidatePath("/admin");
  return state;
}

export async function revokeTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const id = single(values, "id") ?? "";
  const state = await act(access.principal, values, async (principal) => {
    if (!(await revokeApiToken(db(), id, principal))) {
      throw new WriteError("not-found", "There is no active token with this id.");
    }
    return { status: "saved", message: "Token revoked." };
  });
  if (state.status === "saved") revalidatePath("/admin");
  return state;
}
