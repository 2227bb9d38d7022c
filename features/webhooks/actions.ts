"use server";

import { revalidatePath } from "next/cache";
import { goTo, runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { list, single, type FormValues } from "@/features/forms/form-values";
import { WriteError } from "@/lib/write-error";
import { createEndpoint, deleteEndpoint, setAllowPrivateTargets, setEndpointEnabled } from "./mutations";
import { endpointIdSchema, endpointSchema, endpointStateSchema, privateTargetsSchema } from "./schemas";

// Admins' actions on webhook endpoints. Each checks the admin role first (runFormAction); every
// change is audited by the mutation it calls.

const webhookPages = () => revalidatePath("/admin", "layout");
const noSuchEndpoint = () =>
  new WriteError("not-found", "There is no such webhook endpoint; it may have been removed.");

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
      return goTo(`/admin/webhooks/${id}`, {
        message: "Endpoint added: copy its signing secret to the receiver.",
      });
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
        message: enabled
          ? "Endpoint enabled. What it held, waiting or given up, is tried again now; changes made while it was off are not sent."
          : "Endpoint disabled: changes are not queued for it until it is enabled.",
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
      return goTo("/admin/webhooks", { message: "Endpoint removed, with its delivery log." });
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
        message: allow
          ? "Endpoints may now point at private, loopback and link-local addresses."
          : "Private, loopback and link-local addresses are refused again.",
      };
    },
  });
}
