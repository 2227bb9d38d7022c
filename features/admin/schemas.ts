// What admins send about accounts and API tokens, and what anyone sends about their own account.
import { z } from "@/lib/zod";
import { defaultTokenLifetime, passwordLength, roles, tokenLifetimes } from "@/lib/access";
import { oneOf, recordId, text } from "@/lib/form-fields";
import { invalid } from "@/lib/validation-message";

export const accountSchema = z
  .object({
    name: text("person's name", 100),
    email: z.email({ error: invalid("emailAddress") }).max(200),
    role: oneOf(roles, "role"),
    password: z
      .string({ error: invalid("required", { what: "password" }) })
      .min(passwordLength.min, invalid("passwordTooShort", { min: passwordLength.min }))
      .max(passwordLength.max, invalid("passwordTooLong", { max: passwordLength.max })),
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
        { error: invalid("tokenExpiry", { days: tokenLifetimes.join(", ") }) },
      ),
    ),
  })
  .strict();

export const accountNameSchema = z
  .object({ userId: recordId("user"), name: text("person's name", 100) })
  .strict();

export const ownNameSchema = accountNameSchema.pick({ name: true });

export const accountIdSchema = z.object({ userId: recordId("user") }).strict();

export const tokenIdSchema = z.object({ id: recordId("token") }).strict();

export const ownPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: invalid("required", { what: "current password" }) })
      .min(1, invalid("required", { what: "current password" }))
      .max(passwordLength.max),
    newPassword: accountSchema.shape.password,
  })
  .strict();
