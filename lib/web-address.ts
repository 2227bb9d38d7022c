/** The longest source address kept. */
export const webAddressMaxLength = 2000;

/**
 * Whether `value` is an address a source may link to: http or https only, so that a stored link can
 * never run script (`javascript:`), carry a document of its own (`data:`) or point into the reader's
 * machine (`file:`). The forms, the API, the import and every page that shows a link ask this; it
 * reads the address with the browser's and Node's own URL parser, and needs no library, so that the
 * pages showing sources do not load one.
 */
export function isWebAddress(value: string): boolean {
  if (value.length > webAddressMaxLength) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
