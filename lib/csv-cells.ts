// What a text cell of a CSV file the app writes may hold, for the exports and the import's problem
// lists alike: spreadsheet programs open these files.

/**
 * A spreadsheet opening the file would run a cell starting with =, +, -, @ (or a tab or carriage
 * return) as a formula: such text cells get a leading apostrophe. Amount columns hold only digits.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

// Control characters other than tab and line breaks (NUL, escape, backspace…) mean nothing in a
// cell and confuse the programs that read one.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text without those control characters (which XML, the feeds' format, refuses outright). */
export const withoutControlCharacters = (text: string) => text.replace(controlCharacters, "");

/** A text cell as the CSV holds it: control characters dropped, formulas defused. */
export function csvText(cell: string): string {
  return neutraliseFormula(withoutControlCharacters(cell));
}

/** A byte-order mark, so that spreadsheet programs read the file as UTF-8. */
export const utf8Mark = "\uFEFF";
