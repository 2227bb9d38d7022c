"use server";

import { revalidatePath } from "next/cache";
import { runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { single, type FormValues } from "@/features/forms/form-values";
import {
  accountIdSchema,
  accountNameSchema,
  accountSchema,
  apiTokenSchema,
  roleChangeSchema,
  tokenIdSchema,
} from "./schemas";
import { WriteError } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";
import type { Principal } from "@/lib/access";
import { changeRole, createAccount, renameAccount, resetPassword, setAccountActive } from "@/server/accounts";
import { createApiToken, revokeApiToken } from "@/server/api-tokens";
import { db } from "@/server/db";

// Admins' actions on accounts and API tokens. Each checks the admin role itself, first; every change
// is audited by the function it calls.

const fields =
  (...names: string[]) =>
  (values: FormValues) =>
    Object.fromEntries(names.map((name) => [name, single(values, name) ?? ""]));
const adminPage = () => revalidatePath("/admin");
const isSelf = (principal: Principal, userId: string) => principal.kind === "user" && principal.id === userId;
const noSuchAccount = () => new WriteError("not-found", invalid("outcome.noSuchAccount"));

export async function createAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: accountSchema,
    input: fields("name", "email", "role", "password"),
    keep: (values) => ({ ...values, password: "" }),
    revalidate: adminPage,
    async work(account, principal) {
      if (await db().user.findUnique({ where: { email: account.email.toLowerCase() } })) {
        throw new WriteError("invalid", invalid("outcome.emailTaken"), {
          fields: { email: invalid("outcome.alreadyUsed") },
        });
      }
      await createAccount(db(), account, principal);
      return {
        status: "saved",
        message: invalid("outcome.accountCreated", { role: account.role, email: account.email }),
      };
    },
  });
}

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: roleChangeSchema,
    input: fields("userId", "role"),
    revalidate: adminPage,
    async work({ userId, role }, principal) {
      if (isSelf(principal, userId) && role !== "admin") {
        throw new WriteError("invalid", invalid("outcome.ownAdminRole"));
      }
      if (!(await changeRole(db(), userId, role, principal))) throw noSuchAccount();
      return { status: "saved", message: invalid("outcome.roleChanged", { role }) };
    },
  });
}

export async function renameAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: accountNameSchema,
    input: fields("userId", "name"),
    // The name signs edits and notes everywhere.
    revalidate: () => revalidatePath("/", "layout"),
    async work({ userId, name }, principal) {
      const outcome = await renameAccount(db(), userId, name, principal);
      if (outcome === "not-found") throw noSuchAccount();
      return {
        status: "saved",
        message: invalid(outcome === "unchanged" ? "outcome.nameUnchanged" : "outcome.nameChanged"),
      };
    },
  });
}

/** An action on the one account the form names by `userId`. */
function onAccount(form: FormData, work: (userId: string, principal: Principal) => Promise<FormState>) {
  return runFormAction(form, {
    permission: "admin",
    schema: accountIdSchema,
    input: fields("userId"),
    revalidate: adminPage,
    work: ({ userId }, principal) => work(userId, principal),
  });
}

async function setActive(form: FormData, active: boolean): Promise<FormState> {
  return onAccount(form, async (userId, principal) => {
    if (!active && isSelf(principal, userId)) {
      throw new WriteError("invalid", invalid("outcome.ownDeactivation"));
    }
    const outcome = await setAccountActive(db(), userId, active, principal);
    if (outcome === "not-found") throw noSuchAccount();
    const message =
      outcome === "unchanged"
        ? invalid(active ? "outcome.alreadyActive" : "outcome.alreadyDeactivated")
        : invalid(active ? "outcome.accountReactivated" : "outcome.accountDeactivated");
    return { status: "saved", message };
  });
}

export async function deactivateAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  return setActive(form, false);
}

export async function reactivateAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  return setActive(form, true);
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return onAccount(form, async (userId, principal) => {
    const reset = await resetPassword(db(), userId, principal);
    if (!reset) throw noSuchAccount();
    return {
      status: "saved",
      message: invalid("outcome.passwordReset", { email: reset.email }),
      secret: reset.password,
    };
  });
}

export async function createTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: apiTokenSchema,
    input: fields("name", "role", "days"),
    revalidate: adminPage,
    async work(input, principal) {
      const { token } = await createApiToken(db(), input, principal);
      return {
        status: "saved",
        message: invalid("outcome.tokenCreated", { name: input.name, days: input.days }),
        secret: token,
      };
    },
  });
}

export async function revokeTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "admin",
    schema: tokenIdSchema,
    input: fields("id"),
    revalidate: adminPage,
    async work({ id }, principal) {
      if (!(await revokeApiToken(db(), id, principal))) {
        throw new WriteError("not-found", invalid("outcome.noSuchToken"));
      }
      return { status: "saved", message: invalid("outcome.tokenRevoked") };
    },
  });
}
