"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runFormAction } from "@/features/forms/run-form-action";
import type { FormState } from "@/features/forms/form-state";
import { single } from "@/features/forms/form-values";
import { ownNameSchema, ownPasswordSchema, tokenIdSchema } from "@/features/admin/schemas";
import { feedTokenDays, feedTokenName } from "./schemas";
import { createApiToken, revokeApiToken } from "@/server/api-tokens";
import { publicOrigin } from "@/server/env";
import { z } from "@/lib/zod";
import { WriteError } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";
import type { Principal } from "@/lib/access";
import { waitUnit } from "@/lib/sign-in-throttle";
import { recordOwnPasswordChange, renameAccount } from "@/server/accounts";
import { auth } from "@/server/auth";
import { db } from "@/server/db";
import { admitSignIn, clientAddressOf, settleAttempt, throttleKeys } from "@/server/sign-in-failures";

// What anyone signed in may change about their own account: their name and their password, each
// through an audited path (Better Auth's own update-user endpoint is closed).

function ownAccount(principal: Principal): string {
  if (principal.kind !== "user") {
    throw new WriteError("invalid", invalid("outcome.tokenHasNoAccount"));
  }
  return principal.id;
}

export async function changeOwnNameAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "read",
    schema: ownNameSchema,
    input: (values) => ({ name: single(values, "name") ?? "" }),
    revalidate: () => revalidatePath("/", "layout"),
    async work({ name }, principal) {
      const outcome = await renameAccount(db(), ownAccount(principal), name, principal);
      return {
        status: "saved",
        message: invalid(outcome === "unchanged" ? "outcome.ownNameUnchanged" : "outcome.ownNameChanged"),
      };
    },
  });
}

export async function changeOwnPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "read",
    schema: ownPasswordSchema,
    input: (values) => ({
      currentPassword: single(values, "currentPassword") ?? "",
      newPassword: single(values, "newPassword") ?? "",
    }),
    // Passwords are never sent back to the form.
    keep: (values) => ({ ...values, currentPassword: "", newPassword: "" }),
    async work(passwords, principal) {
      const userId = ownAccount(principal);
      const requestHeaders = await headers();
      const current = await auth().api.getSession({ headers: requestHeaders });
      // Guesses at the current password are throttled like failed sign-ins: a stolen session must
      // not become a way to find the password.
      const keys = throttleKeys(current?.user.email ?? userId, clientAddressOf(requestHeaders));
      const admission = await admitSignIn(db(), keys);
      if (!admission.admitted) {
        throw new WriteError(
          "invalid",
          invalid("outcome.tooManyWrongPasswords", waitUnit(admission.retryAfterSeconds)),
        );
      }
      try {
        await auth().api.changePassword({
          body: { ...passwords, revokeOtherSessions: false },
          headers: requestHeaders,
        });
      } catch (error) {
        const wrong = error instanceof APIError && error.statusCode < 500;
        await settleAttempt(db(), keys, wrong ? "wrong-password" : "not-a-guess");
        if (wrong) {
          throw new WriteError("invalid", invalid("outcome.currentPasswordWrong"), {
            fields: { currentPassword: invalid("outcome.notCurrentPassword") },
          });
        }
        throw error;
      }
      await settleAttempt(db(), keys, "signed-in");
      // Every other session ends (a stolen one too); this browser stays signed in.
      await db().session.deleteMany({ where: { userId, NOT: { id: current?.session.id ?? "" } } });
      await recordOwnPasswordChange(db(), principal);
      return { status: "saved", message: invalid("outcome.passwordChanged") };
    },
  });
}

// ---- Personal feed addresses ----

/**
 * A read token of one's own for feed readers, which send no cookies: the whole tracker's feed
 * address carrying it is shown once. It reads as a viewer, ends with the account, and may be
 * revoked here (or by an admin) at any time.
 */
export async function createFeedTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "read",
    schema: z.object({}),
    input: () => ({}),
    revalidate: () => revalidatePath("/account"),
    async work(_input, principal) {
      ownAccount(principal);
      const { token } = await createApiToken(
        db(),
        { name: feedTokenName(principal.name), role: "viewer", days: feedTokenDays },
        principal,
      );
      // The site's address, else this page's (a write's Origin, which the proxy checked is ours).
      const origin = publicOrigin() ?? (await headers()).get("origin") ?? "";
      return {
        status: "saved",
        message: invalid("outcome.feedAddressMade", { days: feedTokenDays }),
        secret: `${origin}/feeds/changes.atom?token=${token}`,
      };
    },
  });
}

export async function revokeFeedTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(form, {
    permission: "read",
    schema: tokenIdSchema,
    input: (values) => ({ id: single(values, "id") ?? "" }),
    revalidate: () => revalidatePath("/account"),
    async work({ id }, principal) {
      const own = await db().apiToken.findFirst({
        where: { id, createdById: ownAccount(principal), revokedAt: null },
        select: { id: true },
      });
      if (!own || !(await revokeApiToken(db(), id, principal))) {
        throw new WriteError("not-found", invalid("outcome.noSuchFeedToken"));
      }
      return { status: "saved", message: invalid("outcome.feedTokenRevoked") };
    },
  });
}
