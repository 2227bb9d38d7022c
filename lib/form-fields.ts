// Field builders for the schemas that check what people and scripts send (forms, actions, the API):
// each says what is wrong in words the person can act on.
import { z } from "./zod";
import { invalid, type ValidationArgs } from "./validation-message";
import { isWebAddress, webAddressMaxLength } from "./web-address";

type What = NonNullable<ValidationArgs["what"]>;

/** A source's address (see isWebAddress); `what` names the field in the message about any other. */
export const webAddressSchema = (what?: What) => {
  const message = what ? invalid("webAddress", { what }) : invalid("anyWebAddress");
  return z
    .string({ error: message })
    .max(webAddressMaxLength, invalid("addressTooLong", { max: webAddressMaxLength }))
    .refine(isWebAddress, { error: message });
};

/** One of a closed set, naming the choices when the value is not one of them. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: What) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === ""
        ? invalid("choose", { what })
        : invalid("notOneOf", { value: String(issue.input), what, values: values.join(", ") }),
  });

/** Required text, trimmed. */
export const text = (what: What, max: number) =>
  z
    .string({ error: invalid("required", { what }) })
    .trim()
    .min(1, invalid("required", { what }))
    .max(max, invalid("tooLong", { what, max }));

/** Optional text: "" and null mean "none". */
export const optionalText = (what: What, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z
      .string({ error: invalid("mustBeText", { what }) })
      .trim()
      .max(max, invalid("tooLong", { what, max }))
      .nullable()
      .optional(),
  );

export const recordId = (what: What) =>
  z
    .string({ error: invalid("required", { what }) })
    .min(1, invalid("required", { what }))
    .max(64, invalid("notKnownId", { what }))
    .regex(/^[A-Za-z0-9_-]+$/, invalid("notKnownId", { what }));

export const optionalId = (what: What) =>
  z.preprocess((value) => (value === "" ? null : value), recordId(what).nullable().optional());

/** Per-field messages for a form, and one line for an API answer (messages to word: lib/validation-message.ts). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
