// A document cut into the passages suggestions are quoted from: sentences, list items and table
// rows, each with its offsets in the text, what quotation marks enclose, and whether it asks.

export interface Span {
  start: number;
  end: number;
}

export interface Passage extends Span {
  kind: "sentence" | "row";
  /** A table row's cells (the first usually names who); empty for a sentence. */
  cells: Span[];
  /** The spans inside quotation marks: words quoted from someone, not the text's own claims. */
  quoted: Span[];
  question: boolean;
  /** For an item of a bulleted list, the sentence that introduces the list ("The statement outlined:"). */
  listedUnder: Span | null;
}

/** Words whose full stop does not end a sentence. */
const abbreviations =
  /(?:\b(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Sen|Rep|St|Prof|No|Gov|Adm|Capt|Sgt|vs|approx|c)|\b\p{Lu})\.\s*$/u;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

const bulletPattern = /^(?:[-•*–·▪◦]|\d{1,2}[.)])\s+/u;

/** The span without the spaces, bullets and list numbers around it. */
function trimmed(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  const bullet = bulletPattern.exec(text.slice(from, to));
  if (bullet) from += bullet[0].length;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to > from ? { start: from, end: to } : null;
}

const openQuotes = '“‘«"';
/** Each opening quotation mark's closing one. */
export const closeOf: Record<string, string> = { "“": "”", "‘": "’", "«": "»", '"': '"' };

/** The spans inside quotation marks. Single curly quotes count only around several words, not in "Coalition’s". */
function quotedSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let index = start;
  while (index < end) {
    const char = text[index]!;
    if (openQuotes.includes(char) && (char !== "‘" || /\s|^/.test(text[index - 1] ?? " "))) {
      // Looked for inside the passage only: a text of many unclosed quotes is read in linear time.
      const close = text.slice(index + 1, end).indexOf(closeOf[char]!);
      // An unclosed quote runs to the passage's end, as a quotation spanning sentences does.
      const stop = close === -1 ? end : index + 1 + close + 1;
      if (char !== "‘" || text.slice(index, stop).includes(" ")) spans.push({ start: index, end: stop });
      index = stop;
      continue;
    }
    index++;
  }
  return spans;
}

function passage(
  text: string,
  span: Span,
  kind: Passage["kind"],
  cells: Span[] = [],
  listedUnder: Span | null = null,
): Passage {
  const content = text.slice(span.start, span.end);
  return {
    ...span,
    kind,
    cells,
    quoted: quotedSpans(text, span.start, span.end),
    question: /\?["”’)]*$/.test(content),
    listedUnder,
  };
}

/**
 * The lines of a text, a hard-wrapped line joined to the next when the sentence runs on: it ends
 * without closing punctuation and the next begins in lower case ("…committed to\nbuilding hubs").
 * A heading ("Strategic Outlook") ends without punctuation too, but what follows it starts anew.
 */
function linesOf(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    const span = { start, end: start + line.length };
    start = span.end + 1;
    const previous = lines.at(-1);
    const runsOn =
      previous &&
      !/[.!?:;"”’)\]|]\s*$/u.test(text.slice(previous.start, previous.end)) &&
      /^\s*\p{Ll}/u.test(line) &&
      /\S/u.test(text.slice(previous.start, previous.end));
    if (runsOn) previous.end = span.end;
    else lines.push(span);
  }
  return lines;
}

/** The most of one line handed to the sentence segmenter at once: its time grows faster than the length. */
const segmentWindow = 10_000;

/**
 * The sentences of a line, with their offsets: the segmenter is given windows of the line cut after
 * a sentence's end (or, failing one, at a space), so a line of a million characters is read in
 * linear time.
 */
function* sentenceSegments(line: string): Generator<{ at: number; segment: string }> {
  let from = 0;
  while (from < line.length) {
    let to = Math.min(line.length, from + segmentWindow);
    if (to < line.length) {
      const window = line.slice(from, to);
      const sentenceEnd = Math.max(
        window.lastIndexOf(". "),
        window.lastIndexOf("? "),
        window.lastIndexOf("! "),
      );
      const space = window.lastIndexOf(" ");
      if (sentenceEnd > 0) to = from + sentenceEnd + 2;
      else if (space > 0) to = from + space + 1;
    }
    for (const segment of sentences.segment(line.slice(from, to))) {
      yield { at: from + segment.index, segment: segment.segment };
    }
    from = to;
  }
}

/** The passages of a text, in order. Each line is cut into sentences; a line of "|" cells is a table row. */
export function passagesOf(text: string): Passage[] {
  const found: Passage[] = [];
  // The sentence a bulleted list follows, while its items last.
  let listLead: Span | null = null;
  for (const line of linesOf(text)) {
    const span = trimmed(text, line.start, line.end);
    const bulleted = bulletPattern.test(text.slice(line.start, line.end).trimStart());
    // A blank line between the lead and its list (as Markdown writes it) keeps the list its lead.
    if (!bulleted && span) listLead = null;
    if (span && text[span.start] === "|") {
      const cells: Span[] = [];
      let cellStart = span.start + 1;
      for (let index = cellStart; index <= span.end; index++) {
        if (index === span.end || text[index] === "|") {
          const cell = trimmed(text, cellStart, index);
          if (cell) cells.push(cell);
          cellStart = index + 1;
        }
      }
      if (cells.length > 0) found.push(passage(text, span, "row", cells));
    } else if (span) {
      // A joined line's breaks read as spaces (same length, so offsets hold): a break would end the sentence.
      const flat = text.slice(span.start, span.end).replace(/\n/g, " ");
      let pending: Span | null = null;
      for (const { at, segment } of sentenceSegments(flat)) {
        const piece = trimmed(text, span.start + at, span.start + at + segment.length);
        if (!piece) continue;
        pending = pending ? { start: pending.start, end: piece.end } : piece;
        if (!abbreviations.test(text.slice(pending.start, pending.end))) {
          found.push(passage(text, pending, "sentence", [], bulleted ? listLead : null));
          pending = null;
        }
      }
      if (pending) found.push(passage(text, pending, "sentence", [], bulleted ? listLead : null));
      const last = found.at(-1);
      if (!bulleted && last && /:\s*$/u.test(text.slice(last.start, last.end))) listLead = last;
    }
  }
  return found;
}

export const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
