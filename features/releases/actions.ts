"use server";

import { headers } from "next/headers";
import { goTo, runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { single } from "@/features/forms/form-values";
import { actorLabel } from "@/lib/access";
import { invalid } from "@/lib/validation-message";
import { internalOrigin, publicOrigin } from "@/server/env";
import { credentialsOf } from "@/server/http";
import { briefingPrinter, publishRelease } from "./mutations";
import { releaseSchema } from "./schemas";

/** Publishes a release of what the tracker knows now (analysts and admins); audited by the mutation. */
export async function publishReleaseAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "edit",
    schema: releaseSchema,
    input: (values) => ({ title: single(values, "title") ?? "", notes: single(values, "notes") ?? "" }),
    async work(input, principal) {
      const request = await headers();
      const origin = publicOrigin() ?? request.get("origin") ?? internalOrigin();
      const number = await publishRelease(principal, input, {
        origin,
        print: briefingPrinter(actorLabel(principal), origin, credentialsOf(request)),
      });
      return goTo(`/releases/${number}`, { message: invalid("outcome.releasePublished", { number }) });
    },
  });
}
