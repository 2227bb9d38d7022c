import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Permission, Principal } from "@/lib/access";
import type { Flash } from "@/lib/flash";
import { headers } from "next/headers";
import { headersLocale, type Locale } from "@/i18n/locales";
import { validationWording } from "@/i18n/translate";
import { fieldErrors } from "@/lib/form-fields";
import { invalid, worded, wordedFields } from "@/lib/validation-message";
import { WriteError } from "@/lib/write-error";
import { changesSince } from "@/features/audit/queries";
import { AccessError, currentPrincipal, requireActionPermission } from "@/server/access";
import { flash } from "@/server/flash";
import type { FormState } from "./form-state";
import { formValues, type FormValues } from "./form-values";

// The one shape of every server action: who is acting (refused before anything is read), the form
// parsed (every field's error at once), the work, then what follows a save. Kept out of the
// "use server" files so that it is not an action itself.

/** The record a form was opened on, at the version it carries: a conflict shows what changed since. */
export type Conflict = { entityType: string; entityId: string; sentVersion: number };

/** A parse outcome: zod's, or a refusal the action words itself. */
export type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: z.ZodError }
  | { refused: string; fields?: Record<string, string> };

/**
 * How a form's values are checked: `schema` reads what `input` makes of them; or `parse` does it all
 * (`{ refused }` for what no field can fix).
 */
type FormParse<T> =
  | { schema: z.ZodType<T>; input: (values: FormValues) => unknown }
  | { parse: (values: FormValues) => Parsed<T> };

export type FormAction<T> = FormParse<T> & {
  permission: Permission;
  /** What of the form to send back (never passwords). */
  keep?: (values: FormValues) => FormValues;
  conflict?: (data: NoInfer<T>, values: FormValues) => Conflict | undefined;
  /** The write. Return a state to stay on the page, or `goTo(…)` to leave it. */
  work: (data: NoInfer<T>, principal: Principal) => Promise<FormState | Leave | void>;
  /** For a form that stays on its page: the pages to refresh after a save. */
  revalidate?: () => void;
  /** Reshapes an error (an error about one field shown at the form's field for it). */
  onError?: (state: FormState) => FormState;
};

/** The language of the one acting: what the action answers is worded in it. */
async function readersLocale(): Promise<Locale> {
  const [requestHeaders, principal] = await Promise.all([headers(), currentPrincipal().catch(() => null)]);
  return headersLocale(requestHeaders, principal?.locale);
}

/** Runs `action` on `form`; what it answers (and the next page's toast) is worded in the reader's language. */
export async function runFormAction<T>(form: FormData, action: FormAction<T>): Promise<FormState> {
  const locale = await readersLocale();
  // The rules' messages (lib/validation-message.ts) in the reader's words.
  const word = validationWording(locale);
  const state = await answer(form, action, locale);
  return {
    ...state,
    ...(state.message !== undefined && { message: worded(state.message, word) }),
    ...(state.fields && { fields: wordedFields(state.fields, word) }),
    ...(state.conflict && { conflict: { ...state.conflict, message: worded(state.conflict.message, word) } }),
  };
}

async function answer<T>(form: FormData, action: FormAction<T>, locale: Locale): Promise<FormState> {
  const submitted = formValues(form);
  const values = action.keep ? action.keep(submitted) : submitted;
  const fail = (state: FormState) => (action.onError ? action.onError(state) : state);

  let principal: Principal;
  try {
    principal = await requireActionPermission(action.permission);
  } catch (error) {
    if (error instanceof AccessError) return { status: "error", message: error.message, values };
    throw error;
  }

  const parsed: Parsed<T> =
    "parse" in action ? action.parse(submitted) : action.schema.safeParse(action.input(submitted));
  if ("refused" in parsed) {
    return fail({
      status: "error",
      message: parsed.refused,
      values,
      ...(parsed.fields && { fields: parsed.fields }),
    });
  }
  if (!parsed.success) {
    return fail({
      status: "error",
      message: invalid("outcome.fieldsNeedAttention"),
      fields: fieldErrors(parsed.error),
      values,
    });
  }

  let outcome: FormState | Leave | void;
  try {
    outcome = await action.work(parsed.data, principal);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof WriteError) {
      return fail(await refusedWrite(error, values, locale, action.conflict?.(parsed.data, submitted)));
    }
    console.error("Form action failed", error);
    return {
      status: "error",
      message: invalid("outcome.savingFailed"),
      values,
    };
  }
  // The write is done: what follows it (refreshing pages, the next page's toast) is not part of it,
  // so a failure there is never reported as "nothing was saved".
  if (outcome && "leaveTo" in outcome) {
    revalidatePath("/", "layout");
    await flash({ ...outcome.message, message: worded(outcome.message.message, validationWording(locale)) });
    redirect(outcome.leaveTo);
  }
  const state = outcome ?? { status: "saved" };
  if (state.status === "saved") action.revalidate?.();
  return state;
}

/**
 * A write the rules refused, told to the person in `locale`: on a conflict, who changed what since
 * the form was opened.
 */
async function refusedWrite(
  error: WriteError,
  values: FormValues,
  locale: Locale,
  conflict?: Conflict,
): Promise<FormState> {
  const state: FormState = { status: "error", message: error.message, fields: error.details.fields, values };
  if (error.kind !== "conflict" || !conflict) return state;
  const current = error.details.current as { version: number; status?: unknown };
  const changes = await changesSince(conflict.entityType, conflict.entityId, conflict.sentVersion, locale);
  const { rebase, conflictsIn } = error.details;
  state.conflict = {
    message: error.message,
    currentVersion: rebase?.version ?? current.version,
    changes: changes.map((c) => ({ ...c, at: c.at.toISOString() })),
    fields: conflictsIn?.(locale),
    ...(typeof current.status === "string" ? { currentStatus: current.status } : {}),
  };
  // The form comes back on top of the record now: what only the other person changed is theirs,
  // so that saving again cannot write the values this form was opened with back over them.
  if (rebase) state.values = { ...values, ...rebase.inputs };
  return state;
}

/** What a write that leaves the page answers: every page then shows it, and the next one confirms it with `message`. */
type Leave = { leaveTo: string; message: Flash };

export const goTo = (path: string, message: Flash): Leave => ({ leaveTo: path, message });
