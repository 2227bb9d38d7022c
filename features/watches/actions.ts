"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { single } from "@/features/forms/form-values";
import type { Principal } from "@/lib/access";
import { WriteError } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";
import { rememberOwnWrite } from "@/server/data-version";
import { addWatch, markInboxRead, removeWatch } from "./mutations";
import { markReadSchema, watchIdSchema, watchSchema } from "./schemas";

// Watching and the inbox: anyone signed in, for themselves. Each answer is rendered for its reader
// at once (the header's unread count is in every page, kept pages included: server/rendered-pages.ts).

function ownInbox(principal: Principal): string {
  if (principal.kind !== "user") {
    throw new WriteError("invalid", invalid("outcome.tokenHasNoInbox"));
  }
  return principal.id;
}

/** Watches what the form names; with a watch's `id`, stops that watch instead (the button's other state). */
export async function watchAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (form.has("id")) {
    return runFormAction(form, {
      permission: "read",
      schema: watchIdSchema,
      input: (values) => ({ id: single(values, "id") ?? "" }),
      revalidate: () => revalidatePath("/", "layout"),
      async work({ id }, principal) {
        await removeWatch(ownInbox(principal), id);
        await rememberOwnWrite();
        return { status: "saved", message: invalid("outcome.watchStopped") };
      },
    });
  }
  return runFormAction(form, {
    permission: "read",
    schema: watchSchema,
    input: (values) => ({ subject: single(values, "subject"), target: single(values, "target") ?? "" }),
    revalidate: () => revalidatePath("/", "layout"),
    async work(watch, principal) {
      await addWatch(ownInbox(principal), watch);
      await rememberOwnWrite();
      return { status: "saved", message: invalid("outcome.watchStarted") };
    },
  });
}

export async function markInboxReadAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "read",
    schema: markReadSchema,
    input: (values) => ({ shownAt: single(values, "shownAt") }),
    revalidate: () => revalidatePath("/", "layout"),
    async work({ shownAt }, principal) {
      await markInboxRead(ownInbox(principal), shownAt);
      await rememberOwnWrite();
      return { status: "saved", message: invalid("outcome.inboxMarkedRead") };
    },
  });
}
