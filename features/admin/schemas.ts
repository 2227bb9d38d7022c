// What admins send about accounts and API tokens, and what anyone sends about their own account.
import { z } from "zod";
import { defaultTokenLifetime, passwordLength, roles, tokenLifetimes } from "@/lib/access";
import { oneOf, recordId, text } from "@/lib/form-fields";

export const accountSchema = z
  .object({
    name: text("name", 100),
    email: z.email({ error: "email must be an email address" }).max(200),
    role: oneOf(roles, "role"),
    password: z
      .string({ error: "password is required" })
      .min(passwordLength.min, `password must be at least ${passwordLength.min} characters`)
      .max(passwordLength.max, `password is at most ${passwordLength.max} characters`),
  })
  .strict();

export const roleChangeSchema = z.object({ userId: recordId("user"), role: oneOf(roles, "role") }).strict();

export const apiTokenSchema = z
  .object({
    name: text("name", 100),
    role: oneOf(roles, "role"),
    days: z.preprocess(
      (value) => (value === undefined || value === "" ? defaultTokenLifetime : Number(value)),
      z.union(
        tokenLifetimes.map((days) => z.literal(days)),
        { error: `expiry must be one of ${tokenLifetimes.join(", ")} days` },
      ),
    ),
  })
  .strict();

export const accountNameSchema = z.object({ userId: recordId("user"), name: text("name", 100) }).strict();

export const ownNameSchema = accountNameSchema.pick({ name: true });

export const accountIdSchema = z.object({ userId: recordId("user") }).strict();

export const tokenIdSchema = z.object({ id: recordId("token") }).strict();

export const ownPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "current password is required" })
      .min(1, "current password is required")
      .max(passwordLength.max),
    newPassword: accountSchema.shape.password,
  })
  .strict();
