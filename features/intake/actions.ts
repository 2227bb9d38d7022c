"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { list, single, stakeholderLinks, type FormValues } from "@/features/forms/form-values";
import { intakeModelFromEnv } from "@/server/env";
import { modelExtractor, ModelError, rulesExtractor } from "./extractors";
import { decideSuggestion, readSourceAgain, reopenSuggestion } from "./mutations";
import { decisionSchema, reopenSchema } from "./schemas";
import { WriteError } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";

/** The record fields a decision's form may carry, by the names the editing schemas read. */
const recordFields = [
  "title",
  "description",
  "category",
  "status",
  "quantityLow",
  "quantityHigh",
  "quantityUnit",
  "quantityQualifier",
  "announcedOn",
  "scope",
  "unit",
  "low",
  "high",
  "qualifier",
];

/** A decision form's values as the decision schema reads them. */
function decisionInput(values: FormValues) {
  const action = single(values, "action");
  const common = { action, suggestionId: single(values, "suggestionId"), version: single(values, "version") };
  if (action !== "accept") return common;
  const newStakeholders = Object.keys(values)
    .filter((key) => /^new:\d+:include$/.test(key) && single(values, key) === "on")
    .map((key) => key.split(":")[1]!)
    .map((index) => ({
      name: single(values, `new:${index}:name`),
      kind: single(values, `new:${index}:kind`),
      countryCode: single(values, `new:${index}:country`) ?? "",
      role: single(values, `new:${index}:role`),
    }));
  const fields: Record<string, string | string[]> = {};
  for (const name of recordFields) {
    const value = single(values, name);
    if (value !== undefined) fields[name] = value;
  }
  fields.conditionIds = list(values, "conditionIds");
  return {
    ...common,
    kind: single(values, "kind"),
    target: single(values, "target") ?? "new",
    existingId: single(values, "existingId") ?? "",
    figureAs: single(values, "figureAs") || undefined,
    recordStatus: single(values, "recordStatus") ?? "",
    stance: single(values, "stance") ?? "",
    stakeholders: stakeholderLinks(values),
    newStakeholders,
    fields,
  };
}

/** How a suggestion stands now, as a refused decision reports it (features/intake/mutations.ts). */
type SuggestionNow = { version: number; state: string };

/**
 * The suggestion itself decided or changed by someone else since the page was shown (not a record
 * it writes to): said, and the page shows it as it is now. Any other error is thrown on.
 */
function refusedAsChanged(error: unknown): FormState {
  const current =
    error instanceof WriteError ? (error.details.current as SuggestionNow | undefined) : undefined;
  if (!(error instanceof WriteError) || error.kind !== "conflict" || typeof current?.state !== "string")
    throw error;
  return {
    status: "error",
    message: error.message,
    conflict: { message: error.message, currentVersion: current.version, changes: [] },
  };
}

/** Accepts or rejects one suggestion (analysts and admins); the record and the decision are written together. */
export async function decideSuggestionAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    schema: decisionSchema,
    input: decisionInput,
    async work(decision, principal) {
      let decided: Awaited<ReturnType<typeof decideSuggestion>>;
      try {
        decided = await decideSuggestion(principal, decision);
      } catch (error) {
        return refusedAsChanged(error);
      }
      return {
        status: "saved",
        message:
          decided.state === "rejected"
            ? invalid("outcome.suggestionRejected")
            : // What was written, by its kind ("a pledge", "a stakeholder's stance"; else "the record").
              invalid("outcome.suggestionAccepted", { kind: decided.record?.kind ?? "record" }),
        ...(decided.record ? { created: { id: decided.record.id, label: decided.record.kind } } : {}),
      };
    },
    revalidate: () => revalidatePath("/intake", "layout"),
  });
}

/** Takes back a rejection (analysts and admins): the suggestion waits for a decision again. */
export async function reopenSuggestionAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    schema: reopenSchema,
    input: (values) => ({ suggestionId: single(values, "suggestionId"), version: single(values, "version") }),
    async work(reopening, principal) {
      try {
        await reopenSuggestion(principal, reopening);
      } catch (error) {
        return refusedAsChanged(error);
      }
      return { status: "saved", message: invalid("outcome.suggestionPutBack") };
    },
    revalidate: () => revalidatePath("/intake", "layout"),
  });
}

/** Reads a source's text again, with the rules or the configured model; what was decided stays decided. */
export async function readAgainAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    parse: (values) => {
      const sourceId = single(values, "sourceId");
      const extractor = single(values, "extractor");
      if (!sourceId || (extractor !== "rules" && extractor !== "model"))
        return { refused: invalid("outcome.chooseSourceAndReader") };
      return { success: true, data: { sourceId, extractor } };
    },
    async work({ sourceId, extractor }) {
      const config = extractor === "model" ? intakeModelFromEnv() : null;
      if (extractor === "model" && !config)
        return { status: "error", message: invalid("outcome.noModelConfigured") };
      const reader = config ? modelExtractor(config) : rulesExtractor;
      try {
        const { added, removed, dropped } = await readSourceAgain(sourceId, reader);
        // The reader by its name ("the rules", "the model …"), the counts said only when not 0 (added always).
        const read = { reader: reader.name, model: config?.model ?? "", added, removed, dropped };
        return { status: "saved", message: invalid("outcome.readAgain", read) };
      } catch (error) {
        if (error instanceof ModelError)
          return { status: "error", message: invalid("outcome.modelFailed", { error: error.message }) };
        throw error;
      }
    },
    revalidate: () => revalidatePath("/intake", "layout"),
  });
}
