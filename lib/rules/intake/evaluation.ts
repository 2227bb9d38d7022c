// Scoring an extractor against what a careful analyst takes from a document (evaluation-gold.json):
// precision and recall per kind. A suggestion matches an item when it is of the same kind, one of
// its quotes overlaps one of the item's, and what it says agrees with the item.

import { z } from "../../zod";
import { pledgeCategories } from "../vocabulary";
import { overlaps, type Span } from "./passages";
import { suggestionKinds, type Suggestion, type SuggestionKind } from "./suggestions";

const goldItemSchema = z.object({
  kind: z.enum(suggestionKinds),
  quotes: z.array(z.string().min(1)).min(1),
  stance: z.enum(["pledge", "refusal", "reservation"]).optional(),
  category: z.enum(pledgeCategories).optional(),
  low: z.string().optional(),
  high: z.string().optional(),
  unit: z.string().optional(),
});
export type GoldItem = z.infer<typeof goldItemSchema>;

export const goldSchema = z.object({
  about: z.string(),
  documents: z.array(z.object({ file: z.string(), items: z.array(goldItemSchema) })),
});

export interface KindScore {
  kind: SuggestionKind;
  /** Items the gold holds, and how many of them some suggestion matched. */
  items: number;
  found: number;
  /**
   * Items some suggestion of their kind quotes, whether or not it says the same: found, or found
   * with another category, stance or amount (what the reviewer corrects before accepting).
   */
  located: number;
  /** Suggestions made, and how many of them matched an item. */
  suggested: number;
  correct: number;
  /** Suggestions that matched an item another suggestion had matched already. */
  repeated: number;
}

export class GoldQuoteError extends Error {}

/** Where each of an item's quotes is in the text; a quote that is not verbatim there is an error in the gold. */
function goldSpans(text: string, item: GoldItem): Span[] {
  return item.quotes.map((quote) => {
    const start = text.indexOf(quote);
    if (start === -1) throw new GoldQuoteError(`The gold quotes words that are not in the text: "${quote}"`);
    return { start, end: start + quote.length };
  });
}

function agrees(suggestion: Suggestion, item: GoldItem): boolean {
  switch (suggestion.kind) {
    case "pledge":
      return (
        suggestion.stance === (item.stance ?? "pledge") &&
        (!item.category || suggestion.category === item.category)
      );
    case "figure":
      return (
        (!item.low || suggestion.quantity.low === item.low) &&
        (!item.high || suggestion.quantity.high === item.high) &&
        (!item.unit || suggestion.quantity.unit === item.unit)
      );
    case "requirement":
    case "capacity":
      return !item.low || suggestion.quantity.low === item.low;
    case "condition":
    case "status":
      return true;
  }
}

/** Whether one of the suggestion's quotes overlaps one of the spans. */
const quotesAny = (suggestion: Suggestion, spans: Span[]) =>
  [suggestion.quote, ...suggestion.alsoQuoted].some((quote) => spans.some((span) => overlaps(span, quote)));

/** The scores of one document's suggestions against its items, per kind. */
export function scoreDocument(text: string, suggestions: Suggestion[], items: GoldItem[]): KindScore[] {
  const located = items.map((item) => ({ item, spans: goldSpans(text, item), matched: false }));
  const scores = new Map<SuggestionKind, KindScore>(
    suggestionKinds.map((kind) => [
      kind,
      { kind, items: 0, found: 0, located: 0, suggested: 0, correct: 0, repeated: 0 },
    ]),
  );
  for (const { item, spans } of located) {
    const score = scores.get(item.kind)!;
    score.items++;
    const quoted = suggestions.some(
      (suggestion) => suggestion.kind === item.kind && quotesAny(suggestion, spans),
    );
    if (quoted) score.located++;
  }
  for (const suggestion of suggestions) {
    const score = scores.get(suggestion.kind)!;
    score.suggested++;
    const match = located.find(
      (candidate) =>
        candidate.item.kind === suggestion.kind &&
        agrees(suggestion, candidate.item) &&
        quotesAny(suggestion, candidate.spans),
    );
    if (!match) continue;
    score.correct++;
    if (match.matched) score.repeated++;
    else {
      match.matched = true;
      score.found++;
    }
  }
  return [...scores.values()];
}

/** Several documents' scores added up, per kind. */
export function addScores(perDocument: KindScore[][]): KindScore[] {
  return suggestionKinds.map((kind) => {
    const all = perDocument.flat().filter((score) => score.kind === kind);
    const sum = (field: keyof Omit<KindScore, "kind">) =>
      all.reduce((total, score) => total + score[field], 0);
    return {
      kind,
      items: sum("items"),
      found: sum("found"),
      located: sum("located"),
      suggested: sum("suggested"),
      correct: sum("correct"),
      repeated: sum("repeated"),
    };
  });
}

/**
 * Precision: the share of suggestions that were right and new (a second suggestion for an item
 * already found is noise to a reviewer; 1 when none were made). Recall: the share of items found
 * (1 when there were none).
 */
export function precisionOf(score: KindScore): number {
  return score.suggested === 0 ? 1 : (score.correct - score.repeated) / score.suggested;
}

export function recallOf(score: KindScore): number {
  return score.items === 0 ? 1 : score.found / score.items;
}

/** The targets the extractor is held to on every kind the gold has items of. */
export const targets = { recall: 0.9, precision: 0.8 };

export interface DocumentResult {
  file: string;
  scores: KindScore[];
  /** The items no suggestion matched, and the suggestions that matched no item: what to look at. */
  missed: GoldItem[];
  wrong: Suggestion[];
}

/** Every document of the gold read by `extract`, scored. */
export function evaluateGold(
  gold: z.infer<typeof goldSchema>,
  textOf: (file: string) => string,
  extract: (text: string) => Suggestion[],
): DocumentResult[] {
  return gold.documents.map(({ file, items }) => {
    const text = textOf(file);
    const suggestions = extract(text);
    const scores = scoreDocument(text, suggestions, items);
    const missed = items.filter((item) =>
      scoreDocument(text, suggestions, [item]).every((score) => score.found === score.items),
    );
    const wrong = suggestions.filter((suggestion) =>
      scoreDocument(text, [suggestion], items).every((score) => score.correct === score.suggested),
    );
    return {
      file,
      scores,
      missed: items.filter((item) => !missed.includes(item)),
      wrong: suggestions.filter((suggestion) => !wrong.includes(suggestion)),
    };
  });
}
