// Field builders for the schemas that check what people and scripts send (forms, actions, the API):
// each says what is wrong in words the person can act on.
import { z } from "zod";
import { isWebAddress, webAddressMaxLength } from "./web-address";

/** A source's address (see isWebAddress): `message` says what is wrong with any other. */
export const webAddressSchema = (message = "must be a web address starting with http:// or https://") =>
  z
    .string({ error: message })
    .max(webAddressMaxLength, `an address is at most ${webAddressMaxLength} characters`)
    .refine(isWebAddress, { error: message });

/** One of a closed set, naming the choices when the value is not one of them. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === ""
        ? `choose a ${what}`
        : `"${String(issue.input)}" is not a known ${what}; use one of: ${values.join(", ")}`,
  });

/** Required text, trimmed. */
export const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is at most ${max} characters`);

/** Optional text: "" and null mean "none". */
export const optionalText = (what: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z
      .string({ error: `${what} must be text` })
      .trim()
      .max(max, `${what} is at most ${max} characters`)
      .nullable()
      .optional(),
  );

export const recordId = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .min(1, `${what} is required`)
    .max(64, `${what} is not a known id`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} is not a known id`);

export const optionalId = (what: string) =>
  z.preprocess((value) => (value === "" ? null : value), recordId(what).nullable().optional());

/** Per-field messages for a form, and one line for an API answer. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
