"use server";

import { revalidatePath } from "next/cache";
import { act, gate, invalid } from "@/features/editing/action-kit";
import type { FormState } from "@/features/editing/form-state";
import { formValues, single } from "@/features/editing/form-values";
import {
  accountIdSchema,
  accountNameSchema,
  accountSchema,
  apiTokenSchema,
  roleChangeSchema,
} from "@/features/editing/schemas";
import { WriteError } from "@/features/editing/write-error";
import { changeRole, createAccount, renameAccount, resetPassword, setAccountActive } from "@/server/accounts";
import { createApiToken, revokeApiToken } from "@/server/api-tokens";
import { db } from "@/server/db";

// Admins' actions on accounts and API tokens. Each checks the admin role itself, first; every change
// is audited by the function it calls.

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
    days: single(values, "days") ?? "",
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    const { token } = await createApiToken(db(), parsed.data, principal);
    return {
      status: "saved",
      message: `Created the token “${parsed.data.name}”, valid ${parsed.data.days} days. Copy it now: it is shown only once.`,
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

function accountAction(active: boolean) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    const values = formValues(form);
    const access = await gate("admin", values);
    if (!access.ok) return access.state;
    const parsed = accountIdSchema.safeParse({ userId: single(values, "userId") });
    if (!parsed.success) return invalid(parsed.error, values);
    const state = await act(access.principal, values, async (principal) => {
      const { userId } = parsed.data;
      if (!active && principal.kind === "user" && principal.id === userId) {
        throw new WriteError("invalid", "You cannot deactivate your own account; ask another admin.");
      }
      const outcome = await setAccountActive(db(), userId, active, principal);
      if (outcome === "not-found") throw new WriteError("not-found", "There is no such account.");
      if (outcome === "unchanged") {
        return {
          status: "saved",
          message: active ? "The account is already active." : "The account is already deactivated.",
        };
      }
      return {
        status: "saved",
        message: active
          ? "Account reactivated: it can sign in again."
          : "Account deactivated: its sessions ended and the tokens it made are revoked.",
      };
    });
    if (state.status === "saved") revalidatePath("/admin");
    return state;
  };
}

export async function deactivateAccountAction(previous: FormState, form: FormData): Promise<FormState> {
  return accountAction(false)(previous, form);
}

export async function reactivateAccountAction(previous: FormState, form: FormData): Promise<FormState> {
  return accountAction(true)(previous, form);
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const parsed = accountIdSchema.safeParse({ userId: single(values, "userId") });
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    const reset = await resetPassword(db(), parsed.data.userId, principal);
    if (!reset) throw new WriteError("not-found", "There is no such account.");
    return {
      status: "saved",
      message: `New password for ${reset.email}: pass it on privately; it is shown only once. Their sessions ended.`,
      secret: reset.password,
    };
  });
  if (state.status === "saved") revalidatePath("/admin");
  return state;
}

export async function renameAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const access = await gate("admin", values);
  if (!access.ok) return access.state;
  const parsed = accountNameSchema.safeParse({
    userId: single(values, "userId"),
    name: single(values, "name") ?? "",
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const state = await act(access.principal, values, async (principal) => {
    const outcome = await renameAccount(db(), parsed.data.userId, parsed.data.name, principal);
    if (outcome === "not-found") throw new WriteError("not-found", "There is no such account.");
    return { status: "saved", message: outcome === "unchanged" ? "The name is unchanged." : "Name changed." };
  });
  if (state.status === "saved") revalidatePath("/", "layout");
  return state;
}
