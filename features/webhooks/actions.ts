"use server";

import { revalidatePath } from "next/cache";
import { goTo, runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { list, single, type FormValues } from "@/features/forms/form-values";
import { WriteError } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";
import { createEndpoint, deleteEndpoint, setAllowPrivateTargets, setEndpointEnabled } from "./mutations";
import { endpointIdSchema, endpointSchema, endpointStateSchema, privateTargetsSchema } from "./schemas";

// Admins' actions on webhook endpoints. Each checks the admin role first (runFormAction); every
// change is audited by the mutation it calls.

const webhookPages = () => revalidatePath("/admin", "layout");
const noSuchEndpoint = () => new WriteError("not-found", invalid("outcome.noSuchEndpoint"));

const endpointInput = (values: FormValues) => ({
  url: single(values, "url") ?? "",
  description: single(values, "description") ?? "",
  events: single(values, "which") === "chosen" ? list(values, "events") : "all",
});

export async function createEndpointAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: endpointSchema,
    input: endpointInput,
    async work(input, principal) {
      const id = await createEndpoint(principal, input);
      return goTo(`/admin/webhooks/${id}`, { message: invalid("outcome.endpointAdded") });
    },
  });
}

export async function setEndpointStateAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: endpointStateSchema,
    input: (values) => ({ id: single(values, "id"), enabled: single(values, "enabled") }),
    revalidate: webhookPages,
    async work({ id, enabled }, principal) {
      if (!(await setEndpointEnabled(principal, id, enabled))) throw noSuchEndpoint();
      return {
        status: "saved",
        message: invalid(enabled ? "outcome.endpointEnabled" : "outcome.endpointDisabled"),
      };
    },
  });
}

export async function deleteEndpointAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: endpointIdSchema,
    input: (values) => ({ id: single(values, "id") }),
    async work({ id }, principal) {
      if (!(await deleteEndpoint(principal, id))) throw noSuchEndpoint();
      return goTo("/admin/webhooks", { message: invalid("outcome.endpointRemoved") });
    },
  });
}

export async function setPrivateTargetsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: privateTargetsSchema,
    input: (values) => ({ allow: single(values, "allow") === "yes" ? "yes" : "no" }),
    revalidate: webhookPages,
    async work({ allow }, principal) {
      await setAllowPrivateTargets(principal, allow);
      return {
        status: "saved",
        message: invalid(allow ? "outcome.privateTargetsAllowed" : "outcome.privateTargetsRefused"),
      };
    },
  });
}
