import { z } from "zod";

/**
 * A source's address: http or https only, so that a stored link can never run script
 * (`javascript:`), carry a document of its own (`data:`) or point into the reader's machine (`file:`).
 * Used by the forms, the API and the import alike.
 */
export const webAddressSchema = (message = "must be a web address starting with http:// or https://") =>
  z.url({ protocol: /^https?$/, error: message }).max(2000);

// Built once: an import checks one address per row, and building a schema costs more than using it.
const anyWebAddress = webAddressSchema();

/** Whether `value` is an address a source may link to. */
export const isWebAddress = (value: string) => anyWebAddress.safeParse(value).success;
