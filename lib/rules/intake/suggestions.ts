// What an extractor proposes from a source's text. Every suggestion rests on a quote, kept as
// offsets into the stored text; nothing here is written until a person accepts it.

import type { PledgeCategory, PledgeStatus, StakeholderKind, StakeholderRole } from "../vocabulary";
import type { Span } from "./passages";
import type { FoundQuantity } from "./quantities";

export const suggestionKinds = [
  "pledge",
  "condition",
  "figure",
  "requirement",
  "capacity",
  "status",
] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A suggestion waits for a person; once decided it stays decided. */
export const intakeStates = ["pending", "accepted", "rejected"] as const;
export type IntakeState = (typeof intakeStates)[number];

/** A party a suggestion names, and the tracker's stakeholder it is when there is one. */
export interface SuggestedParty {
  name: string;
  kind: StakeholderKind;
  countryCode: string | null;
  stakeholderId: string | null;
  role: StakeholderRole;
}

/** A quantity as the grammar read it (quantities.ts), without its offsets: the quote holds those. */
export type SuggestedQuantity = Pick<
  FoundQuantity,
  "low" | "high" | "unit" | "qualifier" | "vague" | "outOf" | "unitInferred"
>;

interface Base {
  /** Stable for the same text and the same reading: how a rejection is remembered. */
  key: string;
  quote: Span;
  /** Where else the text says the same. */
  alsoQuoted: Span[];
  /** The words that made the rules propose it, for the reviewer: "committed to", "in the event of". */
  cue: Span | null;
}

export interface PledgeSuggestion extends Base {
  kind: "pledge";
  /** A refusal ("will not send troops") or a reservation ("hesitant about deploying"): a stance, no pledge made. */
  stance: "pledge" | "refusal" | "reservation";
  title: string;
  category: PledgeCategory;
  status: PledgeStatus;
  parties: SuggestedParty[];
  quantity: SuggestedQuantity | null;
  /** The keys of the condition suggestions stated with it. */
  conditionKeys: string[];
  /** The tracked pledge it is about, when one matches: accepting cites the quote there. */
  matches: { id: string; title: string } | null;
}

export interface ConditionSuggestion extends Base {
  kind: "condition";
  title: string;
  dependsOn: SuggestedParty | null;
  matches: { id: string; title: string } | null;
}

export interface FigureSuggestion extends Base {
  kind: "figure";
  quantity: SuggestedQuantity;
}

export interface RequirementSuggestion extends Base {
  kind: "requirement";
  title: string;
  scope: string | null;
  quantity: SuggestedQuantity;
}

export interface CapacitySuggestion extends Base {
  kind: "capacity";
  title: string;
  party: SuggestedParty;
  quantity: SuggestedQuantity;
}

export interface StatusSuggestion extends Base {
  kind: "status";
  pledge: { id: string; title: string };
  status: PledgeStatus;
}

export type Suggestion =
  | PledgeSuggestion
  | ConditionSuggestion
  | FigureSuggestion
  | RequirementSuggestion
  | CapacitySuggestion
  | StatusSuggestion;

/** What the tracker already holds, so that a suggestion about it is proposed as an update. */
export interface KnownRecords {
  stakeholders: { id: string; name: string; kind: StakeholderKind; countryCode: string | null }[];
  pledges: {
    id: string;
    title: string;
    category: PledgeCategory;
    status: PledgeStatus;
    stakeholderIds: string[];
  }[];
  conditions: { id: string; title: string; description: string | null }[];
}

export const noRecords: KnownRecords = { stakeholders: [], pledges: [], conditions: [] };

/**
 * The suggestions whose quotes are verbatim in the text: every offset inside it. An extractor that
 * reads the text itself cannot fail this; one that answers with quotes (a model) can, and its
 * suggestions that do are dropped rather than trusted.
 */
export function quotedVerbatim(text: string, suggestion: Suggestion): boolean {
  const inText = ({ start, end }: Span) =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end;
  return (
    inText(suggestion.quote) &&
    suggestion.alsoQuoted.every(inText) &&
    (suggestion.cue === null || inText(suggestion.cue))
  );
}

/** A suggestion of a document as the review holds it: decided or not, and the record it became. */
export interface DecidedSuggestion {
  suggestion: Suggestion;
  state: IntakeState;
  recordType: string | null;
  recordId: string | null;
}

/**
 * The conditions a pledge suggestion is linked to by default: for each condition it depends on in the
 * same document, the tracked condition that one matches, or the condition accepting it created.
 */
export function linkedConditionIds(pledge: PledgeSuggestion, others: DecidedSuggestion[]): string[] {
  const ids = new Set<string>();
  for (const other of others) {
    const { suggestion } = other;
    if (suggestion.kind !== "condition" || !pledge.conditionKeys.includes(suggestion.key)) continue;
    if (other.state === "accepted" && other.recordType === "condition" && other.recordId)
      ids.add(other.recordId);
    else if (other.state !== "rejected" && suggestion.matches) ids.add(suggestion.matches.id);
  }
  return [...ids];
}

/** Units that count who is in the coalition: a figure in them is what it has, never what it pledges. */
export const countUnits = ["nations", "members", "allies", "partners", "leaders"];

/** What a figure taken from a document can be kept as. */
export const figureUses = ["requirement", "capacity", "pledge"] as const;
export type FigureUse = (typeof figureUses)[number];

/**
 * What a figure is kept as unless the analyst says otherwise: a count of nations or members is what
 * the coalition has (a capacity); any other figure, what is needed (a requirement). Keeping it as a
 * tracked pledge's quantity is always the analyst's choice.
 */
export function defaultFigureUse(quantity: SuggestedQuantity): Exclude<FigureUse, "pledge"> {
  return countUnits.includes(quantity.unit) ? "capacity" : "requirement";
}
