"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { act, gate, invalid } from "@/features/editing/action-kit";
import type { FormState } from "@/features/editing/form-state";
import { formValues, single } from "@/features/editing/form-values";
import { accountNameSchema, ownPasswordSchema } from "@/features/editing/schemas";
import { WriteError } from "@/features/editing/write-error";
import type { Principal } from "@/lib/access";
import { recordOwnPasswordChange, renameAccount } from "@/server/accounts";
import { auth } from "@/server/auth";
import { db } from "@/server/db";

// What anyone signed in may change about their own account: their name and their password, each
// through an audited path (Better Auth's own update-user endpoint is closed).

function ownAccount(principal: Principal): string {
  if (principal.kind !== "user") {
    throw new WriteError("invalid", "An API token has no account to change: sign in with your own.");
  }
  return principal.id;
}

export async function changeOwnNameAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("read", values);
  if (!access.ok) return access.state;
  const state = await act(access.principal, values, async (principal) => {
    const parsed = accountNameSchema.safeParse({
      userId: ownAccount(principal),
      name: single(values, "name") ?? "",
    });
    if (!parsed.success) return invalid(parsed.error, values);
    const outcome = await renameAccount(db(), parsed.data.userId, parsed.data.name, principal);
    return {
      status: "saved",
      message: outcome === "unchanged" ? "Your name is unchanged." : "Your name is changed.",
    };
  });
  if (state.status === "saved") revalidatePath("/", "layout");
  return state;
}

export async function changeOwnPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("read", values);
  if (!access.ok) return access.state;
  const parsed = ownPasswordSchema.safeParse({
    currentPassword: single(values, "currentPassword") ?? "",
    newPassword: single(values, "newPassword") ?? "",
  });
  // Passwords are never sent back to the form.
  const kept = { ...values, currentPassword: "", newPassword: "" };
  if (!parsed.success) return invalid(parsed.error, kept);
  return act(access.principal, kept, async (principal) => {
    const userId = ownAccount(principal);
    const requestHeaders = await headers();
    const current = await auth().api.getSession({ headers: requestHeaders });
    try {
      await auth().api.changePassword({
        body: { ...parsed.data, revokeOtherSessions: false },
        headers: requestHeaders,
      });
    } catch (error) {
      if (error instanceof APIError && error.statusCode < 500) {
        throw new WriteError("invalid", "The current password is not right; nothing was changed.", {
          fields: { currentPassword: "not your current password" },
        });
      }
      throw error;
    }
    // Every other session ends (a stolen one too); this browser stays signed in.
    await db().session.deleteMany({ where: { userId, NOT: { id: current?.session.id ?? "" } } });
    await recordOwnPasswordChange(db(), principal);
    return { status: "saved", message: "Password changed. Your other sessions have ended." };
  });
}
