// The day a document says it was published, as a suggestion the analyst confirms: the first full
// date written near its top ("7 January 2026", "January 7, 2026", "2026-01-07").

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthWord =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const patterns: {
  pattern: RegExp;
  parts: (match: RegExpExecArray) => [year: string, month: number, day: string];
}[] = [
  { pattern: /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/, parts: (m) => [m[1]!, Number(m[2]), m[3]!] },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthWord},?\\s+((?:19|20)\\d\\d)\\b`, "i"),
    parts: (m) => [m[3]!, months.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, m[1]!],
  },
  {
    pattern: new RegExp(`\\b${monthWord}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, "i"),
    parts: (m) => [m[3]!, months.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, m[2]!],
  },
];

/** How far into a text its publication date is looked for: a date further down is about something else. */
const searchedChars = 2000;

/** The first real calendar date in the text's opening, as a UTC day; null when there is none. */
export function suggestedPublicationDate(text: string): Date | null {
  const opening = text.slice(0, searchedChars);
  let best: { index: number; date: Date } | null = null;
  for (const { pattern, parts } of patterns) {
    const match = pattern.exec(opening);
    if (!match) continue;
    const [year, month, day] = parts(match);
    const date = new Date(Date.UTC(Number(year), month - 1, Number(day)));
    const real =
      date.getUTCFullYear() === Number(year) &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === Number(day);
    if (real && (!best || match.index < best.index)) best = { index: match.index, date };
  }
  return best?.date ?? null;
}
