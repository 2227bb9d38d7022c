// Words, numbers and signs of a text with their offsets, in the forms news writes them: thin and
// no-break spaces inside numbers ("30 000"), no-break and figure hyphens inside words ("twenty‑six"),
// curly apostrophes ("Coalition’s"). Offsets always point into the text as given.

export type TokenKind = "number" | "word" | "sign";

export interface Token {
  kind: TokenKind;
  text: string;
  /** Lower case, hyphens and apostrophes made plain: what the word lists compare with. */
  plain: string;
  start: number;
  end: number;
  /** Whether spaces separate it from the token before (false for "30" "k" in "30k"). */
  spaced: boolean;
}

export const hyphens = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212";
// Inside a word: not the em dash or the bar, which news sets unspaced between words as punctuation
// ("7,500 troops—an operationally heavy burden").
const wordHyphens = "-\u2010\u2011\u2012\u2013\u2212";
const groupSpace = " \u00a0\u202f\u2009";

// A word's letters, with apostrophes only between them ("Coalition’s", not "thousand'").
const part = "\\p{L}[\\p{L}\\p{M}]*(?:['’]\\p{L}[\\p{L}\\p{M}]*)*";
const tokenPattern = new RegExp(
  [
    // Digits grouped by commas or by spaces of any width: a group is exactly three digits.
    `(?<number>\\d{1,3}(?:(?:,|[${groupSpace}])\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)`,
    // Words, with hyphens and apostrophes inside them.
    `(?<word>(?:\\p{L}\\.){2,}|${part}(?:[${wordHyphens}]${part})*\\.?)`,
    `(?<sign>[^\\s\\p{L}\\d])`,
  ].join("|"),
  "gu",
);

/** Abbreviations whose full stop belongs to them, as initials ("U.S.") do; any other word ends before its stop. */
const dottedWords = new Set(["c.", "approx.", "mr.", "dr.", "st.", "gen.", "no."]);

function plainWord(text: string): string {
  return text
    .toLowerCase()
    .replace(new RegExp(`[${hyphens}]`, "g"), "-")
    .replace(/’/g, "'");
}

/** The tokens of text[start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  let previousEnd = 0;
  for (const match of slice.matchAll(tokenPattern)) {
    let value = match[0];
    const kind: TokenKind = match.groups?.number ? "number" : match.groups?.word ? "word" : "sign";
    let index = match.index;
    const initials = /^(?:\p{L}\.){2,}$/u.test(value);
    if (kind === "word" && value.endsWith(".") && !initials && !dottedWords.has(plainWord(value))) {
      value = value.slice(0, -1);
    }
    tokens.push({
      kind,
      text: value,
      plain: kind === "word" ? plainWord(value) : value,
      start: start + index,
      end: start + index + value.length,
      spaced: index > previousEnd || tokens.length === 0,
    });
    if (kind === "word" && value.length < match[0].length) {
      index += value.length;
      tokens.push({
        kind: "sign",
        text: ".",
        plain: ".",
        start: start + index,
        end: start + index + 1,
        spaced: false,
      });
    }
    previousEnd = match.index + match[0].length;
  }
  return tokens;
}
