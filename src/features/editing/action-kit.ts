import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/access";
import { AccessError, requireActionPermission } from "@/server/access";
import type { FormState } from "./form-state";
import { formValues, type FormValues } from "./form-values";
import { changesSince } from "./queries";
import { fieldErrors } from "./schemas";
import { WriteError } from "./write-error";

// The steps every server action shares (who is acting, what was wrong with the form, what a failed
// write tells the person), kept out of the "use server" files so that they are not actions themselves.

export type Conflict = { entityType: string; entityId: string; sentVersion: number };

export async function act(
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
        const current = error.details.current as { version: number; status?: unknown };
        const changes = await changesSince(conflict.entityType, conflict.entityId, conflict.sentVersion);
        const { rebase, conflicts } = error.details;
        state.conflict = {
          message: error.message,
          currentVersion: rebase?.version ?? current.version,
          changes: changes.map((c) => ({ ...c, at: c.at.toISOString() })),
          fields: conflicts,
          ...(typeof current.status === "string" ? { currentStatus: current.status } : {}),
        };
        // The form comes back on top of the record now: what only the other person changed is theirs,
        // so that saving again cannot write the values this form was opened with back over them.
        if (rebase) state.values = { ...values, ...rebase.inputs };
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
export async function gate(
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

export function invalid(error: z.ZodError, values: FormValues): FormState {
  return { status: "error", message: "Some fields need attention.", fields: fieldErrors(error), values };
}

/**
 * One server action, in the order every action follows: who is acting (refused before anything is
 * read), the form parsed with its schema (every field's error at once), the work, then revalidation.
 * `keep` says what of the form to send back (never passwords).
 */
export async function runFormAction<S extends z.ZodType>(
  form: FormData,
  options: {
    permission: Permission;
    schema: S;
    input: (values: FormValues) => unknown;
    work: (data: z.output<S>, principal: Principal) => Promise<FormState | void>;
    revalidate: () => void;
    keep?: (values: FormValues) => FormValues;
  },
): Promise<FormState> {
  const submitted = formValues(form);
  const values = options.keep ? options.keep(submitted) : submitted;
  const access = await gate(options.permission, values);
  if (!access.ok) return access.state;
  const parsed = options.schema.safeParse(options.input(submitted));
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, (principal) => options.work(parsed.data, principal));
  if (state.status === "saved") options.revalidate();
  return state;
}
