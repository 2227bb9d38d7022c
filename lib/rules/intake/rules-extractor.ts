// The default extractor: reads a text with the quantity grammar, the gazetteer and the cue lists,
// and proposes pledges (and refusals), conditions, figures, requirements, capacity references and
// status evidence, each resting on the characters it quotes. Deterministic and offline.

import { createHash } from "node:crypto";
import type { PledgeCategory, PledgeStatus, StakeholderRole } from "../vocabulary";
import {
  afterEvent,
  capacityCue,
  categoryWords,
  conditionLeads,
  deliveryCues,
  eventWords,
  ifClause,
  invertedWere,
  mustEvent,
  conditionsToMeet,
  declinedToSay,
  refusesWhatWasSaid,
  withoutWhat,
  whenEvent,
  negatedBefore,
  openQuestionCue,
  parliamentCue,
  phrasePattern,
  pledgeCues,
  refusalCue,
  requirementCue,
  reservationCue,
  voteReservationCue,
} from "./cues";
import { Gazetteer, type Mention } from "./gazetteer";
import { closeOf, overlaps, passagesOf, within, type Passage, type Span } from "./passages";
import { durationUnits, findQuantities, type FoundQuantity } from "./quantities";
import { countUnits } from "./suggestions";
import type {
  ConditionSuggestion,
  KnownRecords,
  PledgeSuggestion,
  SuggestedParty,
  SuggestedQuantity,
  Suggestion,
} from "./suggestions";

/** Verbs that report what someone said: the pledge, if any, is in the words after them. */
const reportingVerb =
  /\b(?:said|says|announced|noted|stated|added|emphasi[sz]ed|stressed|insisted|told|confirmed|explained|asserted|declared|warned|signall?ed|indicated|argued)\b/giu;

const quotingVerbs =
  "said|says|added|told|stated|explained|emphasi[sz]ed|stressed|insisted|declared|noted|warned|announced|wrote|according\\s+to";
/** “…,” Macron said / “…,” said the chancellor / “…,” the French president told reporters. */
const quotationAttributedAfter = new RegExp(
  `^[\\s,]*(?:(?:${quotingVerbs})\\b|(?:[\\p{L}.’'-]+\\s+){1,6}?(?:${quotingVerbs})\\b)`,
  "iu",
);
/** Macron said: “…” / Starmer said in a statement that "…". */
const quotationAttributedBefore = new RegExp(
  `\\b(?:${quotingVerbs})\\b[^“"”]{0,60}?(?::|,|\\bthat)?\\s*$`,
  "iu",
);

/** "Ukraine's army is set to number", "an army of": the size a party's own forces have or will have. */
const armyNumbers =
  /\b(?:army|armed\s+forces|military)\b[^.;]{0,24}?\b(?:number|numbering|totall?ing|of|at)\s+(?:some\s+|about\s+|roughly\s+)?$/iu;

/** Where a pledge's clause goes on to a second statement: ", and pledged…", " and help strengthen…", ", saying they would…". */
const statementSeparator = new RegExp(
  // Each "\\s+" starts after a non-space: a long run of spaces is not tried again at each of its positions.
  `,?(?<!\\s)\\s+and\\s+(?:also\\s+)?(?:to\\s+)?(?=(?:${[
    "help",
    "pledged",
    "pledging",
    "committed",
    "promised",
    "vowed",
    "offer(?:s|ed|ing)?",
    "agreed",
    "signed",
    "set(?:ting)?\\s+up",
    "establish(?:ing|ed)?",
    "build(?:ing)?",
    "built",
    "deploy(?:ing|ed)?",
    "provid(?:e|ing|ed)",
    "send(?:ing)?",
    "contribut(?:e|ing|ed)",
    "suppl(?:y|ying|ied)",
    "fund(?:ing|ed)?",
    "financ(?:e|ing|ed)",
    "lead(?:ing)?",
    "host(?:ing|ed)?",
    "participat(?:e|ing|ed)",
    "monitor(?:ing|ed)?",
    "protect(?:ing|ed)?",
    "strengthen(?:ing|ed)?",
    "support(?:ing|ed)?",
    "will",
    "would",
    "could",
  ].join(
    "|",
  )})\\b)|,\\s+and\\s+with\\s+|,\\s+saying\\s+(?:that\\s+)?|,\\s+with\\s+plans\\s+(?=to\\s)|,\\s+alongside\\s+|(?<!\\s)\\s+and\\s+the\\s+(?=\\p{L}+(?:ment|tion|sion)\\s+of\\b)`,
  "giu",
);

const closingQuotes = Object.values(closeOf);

/** Category words that are verbs: they lean to a category, but what they take says more. */
const categoryVerbs =
  /^(?:deploy|deploying|contribute|contributing|monitor|bolster|bolstering|strengthen|strengthening|deter|guaranteed)$/iu;

/** The words introducing a list of what was pledged: "the statement outlined several key mechanisms:". */
const listOfPledges =
  /\b(?:outlined|outlines|sets\s+out|set\s+out|includes?|including|consists?\s+of|commitments|pledges|pledged|promises|provisions|mechanisms|measures|(?:main|key)\s+(?:elements|points))\b/iu;

/** Words of what is still to be done: a modal, a plan, a readiness. */
const stillToCome =
  /\b(?:will|would|could|shall|can|may|might|is\s+to|are\s+to|ready|prepared|willing|plans?|intends?|pledged?|committed|future)\b/iu;

/** Words before a duration that make it a term: "for", "within", "a period of". */
const durationTermBefore = /\b(?:for|within|lasting|term\s+of|period\s+of|next)\s+$/iu;
/** A duration that was agreed, guaranteed or offered: "15 years had been agreed". */
const durationAgreedAfter =
  /^\s+(?:had|has|have|was|were|is|are|would\s+be)\s+(?:been\s+)?(?:agreed|guaranteed|promised|offered|proposed)\b/iu;

/** A verb whose subject is what is sent or based: "forces could operate", "troops would be stationed". */
const deployedVerb =
  /^(?:will|would|could|can|may|might|shall)\s+(?:also\s+)?(?:operate|deploy|serve|be\s+(?:deployed|stationed|sent|based|placed|positioned))\b/iu;

/** What a cue takes when it pledges no more than a meeting: "announced a meeting", "agreed on talks". */
const pledgeOfMeeting =
  /^\s+(?:(?:a|an|the|another|further)\s+)?(?:\p{L}+\s+){0,2}?(?:meeting|meetings|summit|talks|conference|visit|call|session|gathering|trip)\b/iu;

/** Support for a process, a text or a principle, not for an army: "support certain points of the declaration". */
const politicalSupport =
  /\bsupport(?:s|ed|ing)?\s+(?:for\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:efforts|process|talks|negotiations|diplomacy|points|declaration|plan|initiative|principles|territorial\s+integrity|sovereignty|independence)\b/iu;

/** A clause whose subject is a meeting: "The talks will…". */
const meetingSubject =
  /^\W*(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:talks|meeting|meetings|summit|conference|discussions|session)\s+$/iu;

/** "the summit of the coalition on": a meeting's subject follows. */
const meetingAbout =
  /\b(?:summit|meeting|conference|talks|session|gathering)\b[^.;:!?]*?\s(?:on|about|to\s+discuss|to)\s+$/iu;

/** Leads that make a condition of whatever follows them: "conditioned on a solid safety net". */
const explicitLead =
  /^(?:conditional|conditioned|contingent|dependent)\s+(?:\S+\s+){0,3}?(?:on|upon)$|^(?:only\s+if|provided\s+that|providing\s+that|on\s+condition\s+that|assuming)$/iu;

/** Whether the span is inside an aside between dashes that opens with "where", "which", "who" or "when". */
function insideAside(text: string, clause: Span, span: Span): boolean {
  const before = text.slice(clause.start, span.start);
  const open = /\s[-–—]\s+(?:where|which|who|when)\b[^-–—]*$/iu.exec(before);
  if (!open) return false;
  return /^[^-–—]*\s[-–—]\s/u.test(text.slice(span.end, clause.end));
}

/** "the question of how … can contribute": an indirect question before the cue ("set out how France will" pledges). */
/** A party named where troops would go, not whose they are: "to Ukraine", "in Poland". */
const destinationBefore = /\b(?:to|in|into|towards|across|on)\s+(?:the\s+)?$/iu;

/** What joins a second subject to a clause: "…will send troops and Germany would…". */
const secondSubjectJoin = /\s(?:and|but|while|whereas)\s+(?:the\s+)?$/iu;

const howBefore =
  /\b(?:questions?\s+of|discuss(?:ed|es|ing)?|debat(?:e|ed|es|ing)|ask(?:ed|s|ing)?|wonder(?:ed|s|ing)?|unclear|uncertain|consider(?:ed|s|ing)?)\s+how\s+(?:(?!that\b)\S+\s+){0,5}$/iu;

/** Units a pledge or a requirement can be counted in; counts of nations, distances and shares are only figures. */
const pledgeUnits = (unit: string) =>
  ![
    ...countUnits,
    "km",
    "miles",
    "metres",
    "percent",
    "percentage points",
    "people",
    ...durationUnits,
  ].includes(unit);

const categoryPatterns = Object.entries(categoryWords).map(([category, groups]) => ({
  category: category as PledgeCategory,
  groups: groups.map(([phrases, weight]) => ({ pattern: phrasePattern(phrases), weight })),
}));

/**
 * The category the words of a span speak for most (not counting the words of `besides`), or null
 * when they name none. The first telling word from `from` on, what the pledge's verb takes, counts
 * three times more: "build protected facilities for weapons" is about facilities.
 */
function categoryOf(
  text: string,
  span: Span,
  besides: Span[] = [],
  from?: number,
  verbAt?: number,
): PledgeCategory | null {
  // Quotation marks are not words: 'train "soldiers and officers"' is training soldiers. An
  // apostrophe between letters is part of a word: "Ukraine’s military".
  let slice = text
    .slice(span.start, span.end)
    .replace(/["“”‘]|’(?!\p{L})|(?<!\p{L})’/gu, " ")
    // Support for a process or a text is no assistance: "support certain points of the declaration".
    .replace(new RegExp(politicalSupport.source, "giu"), (match) =>
      match.replace(/^\S+/u, (verb) => " ".repeat(verb.length)),
    );
  // A condition's words are not what is pledged: "contingent upon a peace agreement" is no contingent of troops.
  for (const other of besides) {
    const start = Math.max(other.start, span.start) - span.start;
    const end = Math.min(other.end, span.end) - span.start;
    if (end > start) slice = slice.slice(0, start) + " ".repeat(end - start) + slice.slice(end);
  }
  const found: { category: PledgeCategory; at: number; end: number; weight: number; verb: boolean }[] = [];
  for (const { category, groups } of categoryPatterns) {
    for (const { pattern, weight } of groups) {
      for (const match of slice.matchAll(pattern))
        found.push({
          category,
          at: span.start + match.index,
          end: span.start + match.index + match[0].length,
          weight,
          verb: categoryVerbs.test(match[0]),
        });
    }
  }
  // A word inside a phrase that names another category is that phrase's: the "forces" of "Armed
  // Forces of Ukraine", the "soldiers" of "train soldiers".
  const inside = (word: (typeof found)[number]) =>
    found.some(
      (other) =>
        other !== word &&
        other.category !== word.category &&
        other.weight > word.weight &&
        other.at <= word.at &&
        other.end >= word.end,
    );
  found.splice(0, found.length, ...found.filter((word) => !inside(word)));
  // The verb is not what it takes: "deploy military assistance" is assistance. The subject of a
  // verb of being sent or based is what is pledged: "partner forces could operate on Ukrainian soil"
  // (but "forces will help to train Ukrainian troops" pledge training).
  const subject =
    verbAt === undefined || !deployedVerb.test(text.slice(verbAt, verbAt + 40))
      ? undefined
      : found.find(
          (word) =>
            word.weight >= 2 &&
            !word.verb &&
            word.end < verbAt &&
            /^\s+$/u.test(text.slice(word.end, verbAt)),
        );
  const first =
    subject ??
    (from === undefined
      ? undefined
      : found
          .filter((word) => word.at >= from && word.weight >= 2 && !word.verb)
          .sort((a, b) => a.at - b.at || b.weight - a.weight)[0]);
  const scores = new Map<PledgeCategory, number>();
  for (const word of found) {
    scores.set(
      word.category,
      (scores.get(word.category) ?? 0) + (word === first ? word.weight * 3 : word.weight),
    );
  }
  let best: { category: PledgeCategory; score: number } | null = null;
  for (const { category } of categoryPatterns) {
    const score = scores.get(category) ?? 0;
    if (score > 0 && (!best || score > best.score)) best = { category, score };
  }
  return best?.category ?? null;
}

/** A suggestion's key: the same parts, the same key, whichever extractor made it. */
export function suggestionKey(...parts: (string | number | null)[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

const key = suggestionKey;

function quantityOf(found: FoundQuantity): SuggestedQuantity {
  const { low, high, unit, qualifier, vague, outOf, unitInferred } = found;
  return { low, high, unit, qualifier, vague, outOf, unitInferred };
}

/** The span without the spaces at its ends. */
function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The span without its closing full stop: a clause quoted from inside a sentence. */
function withoutStop(text: string, span: Span): Span {
  return /[.;,]/.test(text[span.end - 1] ?? "") ? { start: span.start, end: span.end - 1 } : span;
}

const insideAny = (span: Span, spans: Span[]) => spans.some((outer) => within(span, outer));

/** Matches of a global pattern inside a span, with offsets into the text. */
function matchesIn(text: string, pattern: RegExp, span: Span): Span[] {
  const found: Span[] = [];
  const slice = text.slice(span.start, span.end);
  pattern.lastIndex = 0;
  for (const match of slice.matchAll(pattern)) {
    found.push({ start: span.start + match.index, end: span.start + match.index + match[0].length });
  }
  return found;
}

/** The clauses of a passage: cut at semicolons, colons and "but", where a new statement begins. */
function clausesOf(text: string, passage: Passage): Span[] {
  if (passage.kind === "row") return [passage];
  const clauses: Span[] = [];
  let start = passage.start;
  // ", with Western partners pledging support": a second statement, by others. ", adding that France
  // would…": a second statement, whose subject it names.
  const cut =
    /;|:\s|,\s+adding\s+that\s+|\s—\s+(?:but|though|although)\b|,?(?<!\s)\s+but\s+|,\s+(?:while|whereas|even\s+as|although|though)\s+|,\s+with\s+(?=(?:\S+\s+){1,3}(?:pledging|committing|promising|offering|agreeing|vowing|expected\s+to|set\s+to|ready\s+to)\b)/gu;
  for (const match of text.slice(passage.start, passage.end).matchAll(cut)) {
    const at = passage.start + match.index;
    if (at > start) clauses.push(trim(text, { start, end: at }));
    start = at + match[0].length;
  }
  if (start < passage.end) clauses.push(trim(text, { start, end: passage.end }));
  return clauses.filter((clause) => clause.end > clause.start);
}

/** Where a condition's words end: at the clause's punctuation, or after fourteen words. */
function conditionEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  let end = from + (/[,;:.)?!—]|\s–\s/u.exec(rest)?.index ?? rest.length);
  // Or where the main clause's verb begins, once the event is named: "if there is a ceasefire |would
  // be put to parliament", but "if Russia will accept a ceasefire" whole.
  for (const verb of text.slice(from, end).matchAll(/\s(?=(?:would|will|could|must|shall)\s)/gu)) {
    eventWords.lastIndex = 0;
    if (eventWords.test(text.slice(from, from + verb.index))) {
      end = from + verb.index;
      break;
    }
  }
  const words = [...text.slice(from, end).matchAll(/\S+/g)];
  if (words.length > 14) end = from + words[13]!.index + words[13]![0].length;
  while (end > from && /[\s"“”’']/.test(text[end - 1]!)) end--;
  return end;
}

const conditionSynonyms: [RegExp, string][] = [
  [/^(?:moscow|kremlin|russian|russia's|russia’s)$/, "russia"],
  [/^(?:cease-fire|truce|armistice|ceasefire)$/, "ceasefire"],
  [/^(?:agreeing|agrees|agreed|accepts|accepting|accept|signs|sign|signing)$/, "agree"],
  [/^(?:strike|strikes|attack|attacks|attacked|aggression)$/, "attack"],
];
const conditionStopwords = new Set([
  "a",
  "an",
  "the",
  "to",
  "of",
  "on",
  "in",
  "is",
  "are",
  "be",
  "been",
  "being",
  "and",
  "or",
  "if",
  "any",
  "future",
  "were",
  "was",
  "willing",
  "becomes",
  "only",
  "event",
  "conditional",
  "after",
  "should",
  "still",
  "debated",
  "again",
  "that",
  "with",
  "by",
  "for",
]);

/** The words a condition turns on, with synonyms made one: "Moscow agreeing to a ceasefire" → russia, agree, ceasefire. */
function conditionWords(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .replace(/[‑–-]/g, "-")
      .match(/[\p{L}'’-]+/gu) ?? [];
  const found = new Set<string>();
  for (const word of words) {
    if (word === "on" || conditionStopwords.has(word)) continue;
    const synonym = conditionSynonyms.find(([pattern]) => pattern.test(word));
    found.add(synonym ? synonym[1] : word.replace(/s$/, ""));
  }
  return found;
}

function similarity(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : shared / union;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Text tidied into a title: no brackets or quotation marks, at most eleven words. */
function titleFrom(text: string): string {
  const words = text
    .replace(/[()“”"]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;:]+$/, "")
    .split(" ");
  const short = words.length > 11 ? `${words.slice(0, 11).join(" ")}…` : words.join(" ");
  return capitalised(short);
}

class Reading {
  readonly suggestions: Suggestion[] = [];
  /** The passage read before the one being read (passages.ts cut them): what "this possibility" points back at. */
  private passageBefore: Passage | null = null;
  private passageNow: Passage | null = null;
  private readonly gazetteer: Gazetteer;

  constructor(
    private readonly text: string,
    private readonly known: KnownRecords,
  ) {
    this.gazetteer = new Gazetteer(known.stakeholders);
  }

  party(mention: Mention, role: StakeholderRole): SuggestedParty {
    return this.gazetteer.party(mention.actor, role);
  }

  /** Each party once, in the order named. */
  parties(mentions: Mention[], role: (mention: Mention) => StakeholderRole | "observer"): SuggestedParty[] {
    const seen = new Set<string>();
    const parties: SuggestedParty[] = [];
    for (const mention of mentions) {
      if (seen.has(mention.actor.key)) continue;
      seen.add(mention.actor.key);
      const played = role(mention);
      if (played !== "observer") parties.push(this.party(mention, played));
    }
    return parties;
  }

  /**
   * The role of a party named after the pledge's verb: "hubs within Ukraine" hosts, "a US-led
   * mechanism" leads, "French and British troops" contribute, "to Ukraine" benefits; "with Russia" or
   * "against Russia" has no part in it.
   */
  roleAfterCue(mention: Mention): StakeholderRole | "observer" {
    const after = this.text.slice(mention.end, mention.end + 6);
    if (/^[-‑–]led\b/u.test(after)) return "lead";
    // "Russia's invasion", "a Russian attack": the party named is what the pledge guards against.
    if (
      /^(?:['’]s)?\s+(?:\S+\s+){0,2}?(?:attacks?|aggression|invasion|war|strikes?|threat)\b/iu.test(
        this.text.slice(mention.end, mention.end + 40),
      )
    ) {
      return "observer";
    }
    const before = this.text.slice(Math.max(0, mention.start - 60), mention.start);
    // "a declaration signed by France", "endorsed by the members of the Coalition": who acts, in the passive.
    if (
      /\b(?:signed|endorsed|approved|agreed|ratified|adopted|accepted|pledged|offered|promised|committed|given|provided|funded|financed|supplied|sent|deployed)\s+by\s+(?:the\s+)?(?:(?:members|leaders|governments)\s+of\s+(?:the\s+)?)?(?:\S+\s+){0,3}$/iu.test(
        before,
      )
    )
      return "pledger";
    if (/\b(?:with|against|by|from|than)\s+(?:the\s+)?(?:\S+\s+)?$/iu.test(before)) return "observer";
    if (/\b(?:in|within|on|into|inside|across)\s+(?:the\s+)?(?:\S+\s+)?$/iu.test(before)) return "host";
    if (mention.form === "demonym") return "contributor";
    return "beneficiary";
  }

  /** Every passage read, then what was said twice merged and what is tracked matched. */
  read(): Suggestion[] {
    for (const passage of passagesOf(this.text)) this.readPassage(passage);
    return this.finish();
  }

  /** `read`, pausing every few hundred passages so that a long document does not hold up the process. */
  async readInSteps(pause: () => Promise<void>): Promise<Suggestion[]> {
    const passages = passagesOf(this.text);
    for (let index = 0; index < passages.length; index++) {
      if (index > 0 && index % passagesPerStep === 0) await pause();
      this.readPassage(passages[index]!);
    }
    return this.finish();
  }

  private readPassage(passage: Passage): void {
    this.passageBefore = this.passageNow;
    this.passageNow = passage;
    const quantities = findQuantities(this.text, passage.start, passage.end);
    const mentions = this.gazetteer.mentions(this.text, passage.start, passage.end);
    for (const quantity of quantities) {
      // "several states", "a few rounds of talks": a vague count under ten is no figure to track;
      // nor is "the two countries", which points back at ones already named.
      const underTen = Number(quantity.high) < 10;
      if (quantity.vague && underTen) continue;
      // A duration is a figure when it is a term: "guarantees for up to 50 years", "within 30 days",
      // "15 years had been agreed"; not time gone by ("four years ago", "the war has lasted 1,000 days").
      if (
        durationUnits.includes(quantity.unit) &&
        !durationTermBefore.test(this.text.slice(Math.max(0, quantity.start - 20), quantity.start)) &&
        !durationAgreedAfter.test(this.text.slice(quantity.end, quantity.end + 40))
      )
        continue;
      // "the four countries that will decide" is new, said by the clause that follows it.
      if (
        underTen &&
        /\b(?:the|these|those|both)\s+$/iu.test(
          this.text.slice(Math.max(0, quantity.start - 8), quantity.start),
        ) &&
        !/^,?\s+(?:that|which|who)\b/iu.test(this.text.slice(quantity.end, quantity.end + 8))
      )
        continue;
      this.suggestions.push({
        kind: "figure",
        key: key("figure", quantity.start, quantity.end, quantity.low, quantity.high, quantity.unit),
        quote: { start: quantity.start, end: quantity.end },
        alsoQuoted: [],
        cue: null,
        quantity: quantityOf(quantity),
      });
    }
    const { conditions, weak } = this.conditions(passage, mentions);
    this.suggestions.push(...conditions);
    const pledgesBefore = this.suggestions.filter((suggestion) => suggestion.kind === "pledge").length;
    const used = new Set<FoundQuantity>();
    if (!passage.question) this.pledges(passage, mentions, quantities, conditions, used);
    // "if allies send troops": an "if" that names no event of the war is a condition only of a
    // pledge the passage makes; said of nothing pledged, it is no condition to track.
    if (this.suggestions.filter((suggestion) => suggestion.kind === "pledge").length === pledgesBefore) {
      const dropped = new Set<Suggestion>(weak);
      const kept = this.suggestions.filter((suggestion) => !dropped.has(suggestion));
      this.suggestions.splice(0, this.suggestions.length, ...kept);
    }
    if (passage.question) return;
    this.requirements(passage, quantities, used);
    this.capacities(passage, mentions, quantities, used);
    this.statusEvidence(passage, mentions);
  }

  private finish(): Suggestion[] {
    this.mergeRepeats();
    this.matchRecords();
    return this.suggestions.sort((a, b) => a.quote.start - b.quote.start || a.kind.localeCompare(b.kind));
  }

  /** The passage's conditions, and those among them that stand only beside a pledge (weak). */
  private conditions(
    passage: Passage,
    mentions: Mention[],
  ): { conditions: ConditionSuggestion[]; weak: ConditionSuggestion[] } {
    const found: { quote: Span; cue: Span; title: string; weak: boolean }[] = [];
    const add = (quote: Span, cue: Span, title: string, weak = false) => {
      if (found.some((other) => overlaps(other.quote, quote))) return;
      found.push({ quote, cue, title: titleFrom(title), weak });
    };
    const hasEvent = (span: Span) => matchesIn(this.text, eventWords, span).length > 0;

    for (const cue of matchesIn(this.text, parliamentCue, passage))
      add(cue, cue, this.text.slice(cue.start, cue.end));
    for (const cue of matchesIn(this.text, conditionLeads, passage)) {
      // "in the event a peace deal is reached", not "took part in the event" (a clause must follow).
      if (
        /^in the event$/iu.test(this.text.slice(cue.start, cue.end)) &&
        !/^\s+(?:a|an|the|any|\p{Lu}\p{L}*)\s+\p{L}/u.test(this.text.slice(cue.end, cue.end + 40))
      )
        continue;
      const end = conditionEnd(this.text, cue.end, passage.end);
      const quote = { start: cue.start, end };
      const words = { start: cue.end, end };
      // "conditional on", "only if": a condition whatever it names; "once", "until": only an event's.
      if (end <= cue.end || (!explicitLead.test(this.text.slice(cue.start, cue.end)) && !hasEvent(words)))
        continue;
      add(quote, cue, this.text.slice(cue.end, end));
    }
    for (const match of matchesIn(this.text, afterEvent, passage)) {
      // "after the war" alone is history unless what it comes after is still to be done.
      if (
        /^\S+\s+the\s+war$/iu.test(this.text.slice(match.start, match.end)) &&
        (!stillToCome.test(this.text.slice(passage.start, passage.end)) ||
          /^\s+(?:in|of)\s+\p{Lu}/u.test(this.text.slice(match.end, match.end + 8)))
      )
        continue;
      const cueEnd = match.start + (/^\S+/.exec(this.text.slice(match.start))?.[0].length ?? 0);
      add(match, { start: match.start, end: cueEnd }, this.text.slice(cueEnd, match.end));
    }
    for (const match of matchesIn(this.text, withoutWhat, passage))
      add(match, { start: match.start, end: match.start + 7 }, this.text.slice(match.start + 8, match.end));
    for (const match of matchesIn(this.text, mustEvent, passage))
      add(match, match, this.text.slice(match.start, match.end));
    // "certain conditions must be met, including strong, legally binding security guarantees"
    for (const match of matchesIn(this.text, conditionsToMeet, passage)) {
      // What they include runs on through its commas, to the sentence's end (twenty words at most).
      const including = /^,?\s+(?:including|namely|such\s+as)\s/iu.exec(
        this.text.slice(match.end, match.end + 14),
      );
      let end = match.end;
      if (including) {
        const from = match.end + including[0].length;
        const rest = this.text.slice(from, passage.end);
        const sentence = rest.slice(0, /[;:.?!]/u.exec(rest)?.index ?? rest.length);
        const words = [...sentence.matchAll(/\S+/gu)].slice(0, 20);
        if (words.length > 0) end = from + words.at(-1)!.index + words.at(-1)![0].length;
      }
      add({ start: match.start, end }, match, this.text.slice(match.start, end));
    }
    for (const match of matchesIn(this.text, whenEvent, passage)) {
      const lead = /^(?:as\s+soon\s+as|the\s+moment|the\s+day|\S+)/iu.exec(this.text.slice(match.start))!;
      const cueEnd = match.start + lead[0].length;
      add(match, { start: match.start, end: cueEnd }, this.text.slice(cueEnd, match.end));
    }
    // "were Russia to attack again": an inverted "were" naming an event of the war.
    for (const lead of matchesIn(this.text, invertedWere, passage)) {
      const end = conditionEnd(this.text, lead.end, passage.end);
      if (!hasEvent({ start: lead.start + 4, end })) continue;
      add(
        { start: lead.start, end },
        { start: lead.start, end: lead.start + 4 },
        this.text.slice(lead.start + 5, end),
      );
    }
    // "if Russia signs on to a ceasefire", "should a ceasefire be reached": an event within eight words.
    for (const lead of matchesIn(this.text, ifClause, passage)) {
      const end = conditionEnd(this.text, lead.end, passage.end);
      const words = [...this.text.slice(lead.end, end).matchAll(/\S+/gu)].slice(0, 8);
      const reach = words.length > 0 ? lead.end + words.at(-1)!.index + words.at(-1)![0].length : lead.end;
      // "as if", "even if", "if any", "if so": no condition of anything.
      if (
        /\b(?:as|even)\s+$/iu.test(this.text.slice(Math.max(passage.start, lead.start - 5), lead.start)) ||
        /^(?:any|so|not|ever|anything)\b/iu.test(this.text.slice(lead.end, lead.end + 9)) ||
        end <= lead.end
      )
        continue;
      const cue = {
        start: lead.start,
        end: lead.start + (/^\S+/u.exec(this.text.slice(lead.start))?.[0].length ?? 0),
      };
      add(
        { start: lead.start, end },
        cue,
        this.text.slice(lead.end, end),
        !hasEvent({ start: lead.end, end: reach }),
      );
    }
    // "the exact boundaries of a proposed ceasefire line are still being debated"
    for (const cue of matchesIn(this.text, openQuestionCue, passage)) {
      const before = this.text.slice(passage.start, cue.start);
      const boundary = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "));
      const clauseStart = passage.start + (boundary === -1 ? 0 : boundary + 2);
      const subject = this.text.slice(clauseStart, cue.start).replace(/\s+(?:are|is|were|was)\s*$/u, "");
      add({ start: clauseStart, end: cue.end }, cue, `${subject} agreed`);
    }

    const conditions = found.map(({ quote, cue, title }): ConditionSuggestion => {
      // "sanctions for Russia if it decides to attack": the condition is on whom "it" stands for.
      const pronoun = /^\S+\s+(?:it|they)\b/iu.test(this.text.slice(quote.start, quote.end));
      const party = pronoun
        ? mentions.filter((mention) => mention.end <= quote.start).at(-1)
        : mentions.find((mention) => within(mention, quote));
      return {
        kind: "condition" as const,
        key: key("condition", quote.start, quote.end, title),
        quote,
        alsoQuoted: [],
        cue,
        title,
        dependsOn: party ? this.party(party, "pledger") : null,
        matches: null,
      };
    });
    return { conditions, weak: conditions.filter((_, index) => found[index]!.weak) };
  }

  private pledges(
    passage: Passage,
    mentions: Mention[],
    quantities: FoundQuantity[],
    conditions: ConditionSuggestion[],
    used: Set<FoundQuantity>,
  ): void {
    // Parties named inside a condition ("should a ceasefire be reached with Russia") are not the pledge's.
    const inCondition = (span: Span) => conditions.some((condition) => within(span, condition.quote));
    const partyMentions = mentions.filter((mention) => !inCondition(mention));
    const rowParty =
      passage.kind === "row" ? partyMentions.filter((mention) => within(mention, passage.cells[0]!)) : [];
    // Who the passage's last statement was by: "Germany is not ready to send troops, but it may deploy them nearby".
    let lastSubject: Mention[] = rowParty;
    const clauses = clausesOf(this.text, passage).flatMap((clause) =>
      this.afterRefusal(clause, passage, conditions),
    );
    for (const clause of clauses) {
      const clauseMentions = partyMentions.filter((mention) => within(mention, clause));
      const pronounSubject = /^(?:(?:but|and|yet)\s+)?(?:it|they|he|she)\b/iu.test(
        this.text.slice(clause.start, clause.end),
      );
      const subjectsBefore = (at: number) => {
        // “We also agreed to establish…,” Macron added: words quoted are the speaker's, unless they name who.
        const quotation = passage.quoted.find((quoted) => at >= quoted.start && at < quoted.end);
        if (quotation) {
          const named = clauseMentions.filter(
            (mention) =>
              mention.start >= quotation.start && mention.end <= at && this.actsHere(mention, clause.start),
          );
          if (named.length > 0) return named;
          const speaker = this.speakerOf(passage, quotation);
          if (speaker && speaker.length > 0) return speaker;
        }
        const before = clauseMentions.filter(
          (mention) => mention.end <= at && this.actsHere(mention, clause.start),
        );
        // "Starmer announced that the UK and France will…": who speaks is not always who pledges.
        const reported = [...this.text.slice(clause.start, at).matchAll(reportingVerb)].at(-1);
        if (reported) {
          const saidAt = clause.start + reported.index + reported[0].length;
          const named = before.filter((mention) => mention.start >= saidAt);
          if (named.length > 0) return named;
          // "Germany signalled it could…", "Spain declared its willingness…", "the chancellor said his
          // country will…": the speaker's own pledge.
          if (
            /^\s*(?:that\s+)?(?:it|they|we|its|their|our|his\s+country|her\s+country|its\s+government|their\s+countries)\b/iu.test(
              this.text.slice(saidAt, at),
            )
          ) {
            return before.filter((mention) => mention.start < saidAt);
          }
          return [];
        }
        if (before.length > 0) return before;
        return pronounSubject || passage.kind === "row" ? lastSubject : [];
      };

      const stance = this.stance(clause, passage, conditions);
      const scope = trim(this.text, stance ? { start: clause.start, end: stance.cue.start } : clause);
      // "Plans to deploy troops would be put to parliament": what is held back is the subject of
      // the reservation, not a pledge beside it.
      const heldBack = stance?.heldBack ?? false;
      // "Britain and France will send troops and Germany would need parliament's approval to join":
      // a second subject, whose plans are held back; the words before it may still pledge.
      const secondSubject = stance?.heldBack
        ? [...clauseMentions]
            .reverse()
            .map((mention) => ({
              mention,
              joined: secondSubjectJoin.exec(
                this.text.slice(Math.max(clause.start, mention.start - 12), mention.start),
              ),
            }))
            .find(
              ({ mention, joined }) =>
                joined &&
                mention.end <= stance.cue.start &&
                // "British and French troops": one subject, named twice.
                !clauseMentions.some((other) => other.end === mention.start - joined[0].length),
            )
        : undefined;
      const pledgeScope = !heldBack
        ? scope
        : secondSubject
          ? trim(this.text, {
              start: clause.start,
              end: secondSubject.mention.start - secondSubject.joined![0].length,
            })
          : null;
      const cue = pledgeScope && this.pledgeCue(pledgeScope, passage, clauseMentions, conditions);
      let made: PledgeSuggestion[] = [];
      if (cue) {
        // "willingness for Germany to participate": who is named inside the words of the cue.
        const inCue = clauseMentions.filter(
          (mention) => within(mention, cue.span) && this.actsHere(mention, clause.start),
        );
        const who = subjectsBefore(cue.span.start).concat(inCue);
        if (who.length > 0) lastSubject = who;
        made = this.clausePledges(
          passage,
          pledgeScope!,
          cue,
          who,
          clauseMentions,
          quantities,
          conditions,
          used,
        );
      }
      if (!stance) continue;
      const who = heldBack
        ? this.heldBackBy(clause, stance.cue, clauseMentions, secondSubject?.mention.start)
        : made.length > 0
          ? subjectsBefore(cue!.span.start)
          : subjectsBefore(stance.cue.start);
      if (who.length > 0) lastSubject = who;
      // A refusal need not name what: "Washington refused to sign the declaration" is a stance all the same.
      // "denied this possibility": what the sentence before pledged or asked about.
      // What the sentence before was about (pledged or not): never what was said pages earlier.
      const before = refusesWhatWasSaid.test(this.text.slice(stance.cue.start, stance.cue.end))
        ? ((this.passageBefore && categoryOf(this.text, this.passageBefore)) ?? undefined)
        : undefined;
      const category =
        categoryOf(this.text, { start: stance.cue.start, end: clause.end }) ??
        made.at(-1)?.category ??
        before ??
        // "Canadian troops remain only “a possibility”": what a party has not decided, named before it.
        (stance.kind === "reservation" && who.length > 0
          ? categoryOf(this.text, { start: clause.start, end: stance.cue.start })
          : null) ??
        (who.length > 0 ? "other" : null);
      if (!category) continue;
      const cueText = this.text.slice(stance.cue.start, stance.cue.end);
      // "a logistics hub rather than send troops": the refusal is the words from "rather than" on.
      const quote = withoutStop(
        this.text,
        /^rather/iu.test(cueText) ? trim(this.text, { start: stance.cue.start, end: clause.end }) : clause,
      );
      const parties = this.parties(who, () => "pledger");
      this.suggestions.push(
        this.pledge(quote, stance.cue, stance.kind, category, "announced", parties, null, conditions),
      );
    }
  }

  /** "Italy ruling out ground troops and Germany indicating it could contribute": a refusal, then another party's statement. */
  private afterRefusal(clause: Span, passage: Passage, conditions: ConditionSuggestion[]): Span[] {
    const stance = this.stance(clause, passage, conditions);
    if (stance?.kind !== "refusal") return [clause];
    const next = matchesIn(this.text, /(?<!\s)\s+and\s+(?=(?:the\s+)?\p{Lu})/gu, {
      start: stance.cue.end,
      end: clause.end,
    })[0];
    if (!next) return [clause];
    return [
      { start: clause.start, end: next.start },
      { start: next.end, end: clause.end },
    ];
  }

  /**
   * Whether a party named before a pledge's verb is one making it: not "the allies of Ukraine" or
   * "Ukraine's partners" (who act for it), not "support for Ukraine"; but "leaders from Canada" are Canada.
   */
  private actsHere(mention: Mention, clauseStart = 0): boolean {
    const before = this.text.slice(Math.max(clauseStart, mention.start - 40), mention.start);
    // "Japan, supported by Australia, will lead": who helps is not who pledges.
    if (
      /\b(?:supported|backed|joined|accompanied|assisted|helped|flanked|(?:co-)?chaired|hosted|attended|led|convened|organi[sz]ed)\s+by\s+(?:the\s+)?(?:\S+\s+){0,4}$/iu.test(
        before,
      )
    )
      return false;
    // "Following the United Kingdom and France, Spain has declared…": who went before is not who acts now.
    // ("Following the summit Germany will send…": no comma closes the phrase, and Germany acts.)
    const after = this.text.slice(mention.end, mention.end + 24);
    if (
      /\b(?:following|unlike|besides|apart\s+from)\s+(?:the\s+)?(?:[^\s,;]+\s+){0,4}$/iu.test(before) &&
      /^(?:\s+(?:and|or)\s+[^,;]{1,40})?,/u.test(this.text.slice(mention.end, mention.end + 60))
    )
      return false;
    if (/^['’]s\s+(?:allies|partners|backers|supporters|friends|neighbou?rs)\b/iu.test(after)) return false;
    if (/^[-‑–]led\b/u.test(after)) return false;
    const preposition =
      /\b(of|to|for|with|against|in|on|into|from|at|toward|towards|across|within|like)\s+(?:the\s+)?$/iu.exec(
        before,
      );
    if (!preposition) return true;
    if (preposition[1]!.toLowerCase() === "like") return true;
    // "with Italy ruling out troops": an absolute phrase, whose party acts.
    if (preposition[1]!.toLowerCase() === "with" && /^\s+\p{Ll}+ing\b/u.test(after)) return true;
    return /\b(?:leaders?|officials?|representatives?|ministers?|envoys?|delegations?|governments?|heads\s+of\s+(?:state|government)|countries|nations|troops|forces|soldiers)\s+(?:of|from)\s+(?:the\s+)?$/iu.test(
      before,
    );
  }

  private clausePledges(
    passage: Passage,
    scope: Span,
    cue: { span: Span; status: PledgeStatus },
    who: Mention[],
    clauseMentions: Mention[],
    quantities: FoundQuantity[],
    conditions: ConditionSuggestion[],
    used: Set<FoundQuantity>,
  ): PledgeSuggestion[] {
    const made: PledgeSuggestion[] = [];
    const partiesIn = (span: Span) =>
      [
        ...this.parties(who, () => "pledger"),
        ...this.parties(
          clauseMentions.filter(
            (mention) =>
              within(mention, span) &&
              mention.start >= cue.span.end &&
              !who.includes(mention) &&
              !conditions.some((condition) => within(mention, condition.quote)),
          ),
          (mention) => this.roleAfterCue(mention),
        ),
      ].filter((party, index, all) => all.findIndex((other) => other.name === party.name) === index);
    // In a table row the pledge is the cell its words are in; the row's first cell says who.
    const words =
      passage.kind === "row" ? (passage.cells.find((cell) => within(cue.span, cell)) ?? scope) : scope;

    // "It pledges support for a monitoring mechanism, military assistance, … and help for rebuilding": one pledge each.
    const items = this.listItems({ start: cue.span.end, end: words.end });
    const conditionSpans = conditions.map((condition) => condition.quote);
    const itemCategories = items.map((item) => categoryOf(this.text, item, conditionSpans));
    const distinct = new Set(itemCategories.filter(Boolean));
    // Only a list of phrases splits: each of three words or more, the first not opening an elaboration ("guarantees which might involve…").
    const parallel =
      items.length >= 3 &&
      items.every((item) => this.text.slice(item.start, item.end).split(/\s+/).length >= 3) &&
      !/\b(?:which|that|including|such\s+as)\b/iu.test(this.text.slice(items[0]!.start, items[0]!.end));
    if (parallel && distinct.size >= 2) {
      items.forEach((item, index) => {
        const category = itemCategories[index];
        if (!category) return;
        const quantity = this.pledgeQuantity(item, quantities, used);
        made.push(
          this.pledge(item, cue.span, "pledge", category, cue.status, partiesIn(item), quantity, conditions),
        );
      });
    } else if (passage.kind === "sentence" && this.statements(scope, cue.span, conditionSpans).length > 1) {
      // "will participate in monitoring the ceasefire and help strengthen Ukraine": one pledge each.
      for (const statement of this.statements(scope, cue.span, conditionSpans)) {
        const quantity = this.pledgeQuantity(statement.span, quantities, used);
        made.push(
          this.pledge(
            statement.span,
            cue.span,
            "pledge",
            statement.category,
            cue.status,
            partiesIn(statement.span),
            quantity,
            conditions,
            statement.words,
          ),
        );
      }
    } else {
      const quantity = this.pledgeQuantity(scope, quantities, used);
      // Something signed, accepted or agreed by a named party is a pledge even when its words name no category.
      // So is support for a process or a text ("ready to support certain points of the declaration",
      // "committed to supporting peace efforts"): a political pledge, of kind "other".
      const named = partiesIn(scope).some((party) => party.role === "pledger");
      const signedBy =
        named &&
        (cue.status === "committed" || politicalSupport.test(this.text.slice(scope.start, scope.end)))
          ? "other"
          : null;
      const category =
        quantity && ["EUR", "USD", "GBP"].includes(quantity.unit)
          ? "assistance"
          : (categoryOf(
              this.text,
              scope,
              conditionSpans,
              this.objectAfter(cue.span.end, scope.end),
              cue.span.start,
            ) ?? signedBy);
      if (!category) return made;
      const quote = passage.kind === "row" ? { start: passage.start, end: passage.end } : scope;
      made.push(
        this.pledge(
          quote,
          cue.span,
          "pledge",
          category,
          cue.status,
          partiesIn(scope),
          quantity,
          conditions,
          words,
        ),
      );
    }
    this.suggestions.push(...made);
    return made;
  }

  /** Where what a pledge's verb takes begins: past a subject and an auxiliary ("they would “establish military bases"). */
  private objectAfter(at: number, end: number): number {
    const lead =
      /^\s*(?:(?:they|it|he|she|we|I)\s+)?(?:(?:would|will|could|can|may|might|shall)\s+)?["“”']?/iu.exec(
        this.text.slice(at, end),
      )!;
    return at + lead[0].length;
  }

  /**
   * The statements a pledge's clause makes after its verb, when it makes several about different
   * things: "deploying troops and setting up hubs", "committed to a presence, saying they would
   * establish bases". Each with the category its words speak for; those naming none are left out.
   * One statement (or several about the same thing) is one pledge.
   */
  private statements(
    scope: Span,
    cue: Span,
    conditionSpans: Span[],
  ): { span: Span; words: Span; category: PledgeCategory }[] {
    const pieces: { span: Span; words: Span }[] = [];
    let start = scope.start;
    let wordsStart = cue.end;
    for (const separator of matchesIn(this.text, statementSeparator, { start: cue.end, end: scope.end })) {
      pieces.push({
        span: { start, end: separator.start },
        words: { start: wordsStart, end: separator.start },
      });
      start = separator.end;
      wordsStart = separator.end;
    }
    pieces.push({ span: { start, end: scope.end }, words: { start: wordsStart, end: scope.end } });
    const found = pieces
      .map((piece, index) => {
        const words = trim(this.text, piece.words);
        // The first statement's subject speaks for it too: "soldiers could be deployed".
        const about = index === 0 ? piece.span : words;
        return {
          ...piece,
          category: categoryOf(this.text, about, conditionSpans, this.objectAfter(words.start, words.end)),
        };
      })
      .filter(
        (piece): piece is { span: Span; words: Span; category: PledgeCategory } => piece.category !== null,
      );
    return new Set(found.map((piece) => piece.category)).size > 1 ? found : [];
  }

  /** The pieces of an enumeration: "A, B, C and D". */
  private listItems(span: Span): Span[] {
    const items: Span[] = [];
    let start = span.start;
    const slice = this.text.slice(span.start, span.end);
    for (const match of slice.matchAll(/,\s+(?:and\s+)?/gu)) {
      items.push({ start, end: span.start + match.index });
      start = span.start + match.index + match[0].length;
    }
    // "A, B and C": in a list (there was a comma), the first "and" after the last comma ends it too;
    // not one between names ("Britain and France") or inside the last item's own words.
    const lastItem = this.text.slice(start, span.end);
    const closing =
      items.length > 0
        ? [...lastItem.matchAll(/\s+and\s+/gu)].find(
            (match) =>
              !/\p{Lu}\p{L}*$/u.test(lastItem.slice(0, match.index)) ||
              !/^\p{Lu}/u.test(lastItem.slice(match.index + match[0].length)),
          )
        : undefined;
    if (closing) {
      items.push({ start, end: start + closing.index });
      start += closing.index + closing[0].length;
    }
    items.push({ start, end: span.end });
    return items
      .map((item) => {
        let { start: from, end: to } = item;
        while (from < to && /\s/.test(this.text[from]!)) from++;
        while (to > from && /[\s.]/.test(this.text[to - 1]!)) to--;
        return { start: from, end: to };
      })
      .filter((item) => item.end > item.start);
  }

  /**
   * The first words in a clause that make a pledge. Not a reporting verb ("announced that": the
   * pledge is in what follows), not words inside a condition, and not words inside a quotation
   * unless the clause names who speaks them first ("If you promise to…" is nobody's pledge).
   */
  private pledgeCue(
    clause: Span,
    passage: Passage,
    clauseMentions: Mention[],
    conditions: ConditionSuggestion[],
  ): { span: Span; status: PledgeStatus } | null {
    let best: { span: Span; status: PledgeStatus } | null = null;
    // "Were troops to be deployed under the declaration signed": what a condition supposes is no pledge.
    const supposed = matchesIn(this.text, invertedWere, clause).map((lead) => ({
      start: lead.start,
      end: conditionEnd(this.text, lead.end, clause.end),
    }));
    for (const { pattern, status } of pledgeCues) {
      for (const span of matchesIn(this.text, pattern, clause)) {
        const quotation = passage.quoted.find((quoted) => within(span, quoted));
        if (
          quotation &&
          !clauseMentions.some((mention) => mention.end <= span.start) &&
          this.speakerOf(passage, quotation) === null
        )
          continue;
        if (conditions.some((condition) => overlaps(condition.quote, span))) continue;
        if (insideAny(span, supposed)) continue;
        // "the Coalition of the Willing to…" names someone; it pledges nothing.
        if (clauseMentions.some((mention) => mention.start <= span.start && mention.end > span.start))
          continue;
        if (/^\s+that\b/iu.test(this.text.slice(span.end, span.end + 6))) continue;
        // "in Paris - where leaders gathered to discuss a peace plan for Ukraine -": an aside pledges nothing.
        if (insideAside(this.text, clause, span)) continue;
        // "announced a meeting of the coalition": a meeting is where pledges may be made, not one.
        if (pledgeOfMeeting.test(this.text.slice(span.end, span.end + 40))) continue;
        // "Few on the continent have shown themselves open to…": the clause's subject denies it.
        // ("Few doubt that Germany will send troops": past "that", the denial is over.)
        if (
          /^\W*(?:few|no\s+one|nobody|none|hardly\s+anyone)\b(?![^]*\bthat\b)/iu.test(
            this.text.slice(clause.start, span.start),
          )
        )
          continue;
        // "The talks will focus on security guarantees": a meeting's agenda, nobody's pledge.
        if (meetingSubject.test(this.text.slice(clause.start, span.start))) continue;
        // "the summit … on support for Ukraine": what a meeting was about, nothing pledged.
        if (meetingAbout.test(this.text.slice(Math.max(clause.start, span.start - 80), span.start))) continue;
        // "the question of how Europe and its partners can contribute": a question asked, nothing pledged.
        if (howBefore.test(this.text.slice(Math.max(clause.start, span.start - 60), span.start))) continue;
        // "has backed away from", "backed down": a retreat, not a backing.
        if (/^\s+(?:away|down|off|out)\b/iu.test(this.text.slice(span.end, span.end + 8))) continue;
        // "an army set to number 800,000": what it will have, not what it pledges.
        if (/^\s+(?:number|total|field|remain|stand)\b/iu.test(this.text.slice(span.end, span.end + 10)))
          continue;
        if (negatedBefore.test(this.text.slice(Math.max(clause.start, span.start - 40), span.start)))
          continue;
        if (!best || span.start < best.span.start) best = { span, status };
        break;
      }
    }
    // An item listed under "The statement outlined these commitments:" is pledged by the words that introduce it.
    if (
      !best &&
      passage.listedUnder &&
      clause.start === passage.start &&
      listOfPledges.test(this.text.slice(passage.listedUnder.start, passage.listedUnder.end))
    ) {
      const first = /^\S+/u.exec(this.text.slice(clause.start, clause.end));
      if (first)
        best = { span: { start: clause.start, end: clause.start + first[0].length }, status: "announced" };
    }
    return best;
  }

  /**
   * Who is quoted, when the passage says: “…,” Macron said; the chancellor said: “…”; said in a
   * statement that "…". The mentions naming the speaker (none when unnamed, "the chancellor"), or
   * null when the quotation is nobody's ("If you promise to…" quoted as a slogan).
   */
  private speakerOf(passage: Passage, quotation: Span): Mention[] | null {
    // A quotation running on past its passage ("“We have accepted it. This document…,” Tusk said") is attributed where it closes.
    let close = quotation.end;
    if (close === passage.end && !closingQuotes.includes(this.text[close - 1] ?? "")) {
      const closing = closeOf[this.text[quotation.start]!] ?? "";
      // Looked for within the next 800 characters only: a text of unclosed quotations is read in linear time.
      const found = this.text.slice(close, close + 800).indexOf(closing);
      if (found === -1) return null;
      close += found + 1;
    }
    const after = quotationAttributedAfter.exec(this.text.slice(close, close + 90));
    if (after) {
      const end = close + after[0].length;
      return this.gazetteer.mentions(this.text, close, end);
    }
    const from = Math.max(passage.start, quotation.start - 90);
    const before = quotationAttributedBefore.exec(this.text.slice(from, quotation.start));
    if (before) return this.gazetteer.mentions(this.text, from, from + before.index + before[0].length);
    return null;
  }

  /**
   * Whose plans a reservation holds back: the parties its subject names, after any reporting verb
   * ("Starmer said that any deployment of UK forces under a declaration signed with France … would
   * be subject to a vote": the United Kingdom's), or after `from` (a second subject); not where they
   * would go ("sending troops to Ukraine would require…"). With none named there, the speaker's,
   * before or after ("…, Merz said").
   */
  private heldBackBy(clause: Span, cue: Span, mentions: Mention[], from?: number): Mention[] {
    const said = [...this.text.slice(clause.start, cue.start).matchAll(reportingVerb)].at(-1);
    const saidAt = said ? clause.start + said.index : clause.start;
    const subjectFrom = from ?? (said ? saidAt + said[0].length : clause.start);
    const notWhere = (mention: Mention) =>
      !destinationBefore.test(this.text.slice(Math.max(clause.start, mention.start - 12), mention.start));
    const named = mentions.filter(
      (mention) => mention.start >= subjectFrom && mention.end <= cue.start && notWhere(mention),
    );
    const [first] = named;
    if (!first) {
      const speaker = mentions.filter((mention) => mention.end <= saidAt);
      return speaker.length > 0
        ? speaker
        : mentions.filter((mention) => mention.start >= cue.end && notWhere(mention)).slice(0, 1);
    }
    // "British and French troops would…": the parties named together.
    const together = [first];
    for (const next of named.slice(1)) {
      if (!/^\s*(?:,|and|or|,\s*and)\s*$/u.test(this.text.slice(together.at(-1)!.end, next.start))) break;
      together.push(next);
    }
    return together;
  }

  private stance(
    clause: Span,
    passage: Passage,
    conditions: ConditionSuggestion[],
  ): { cue: Span; kind: "refusal" | "reservation"; heldBack: boolean } | null {
    for (const [pattern, kind, heldBack] of [
      [refusalCue, "refusal", false],
      // "Plans to deploy troops would be put to parliament": the words before it are held back.
      [voteReservationCue, "reservation", true],
      [reservationCue, "reservation", false],
    ] as const) {
      const cue = matchesIn(this.text, pattern, clause).find(
        (span) =>
          !insideAny(span, passage.quoted) &&
          // Words that begin inside a condition are the condition's, no stance; a stance may end in
          // one ("would be put to parliament" holds the condition "put to parliament").
          !conditions.some((condition) =>
            within({ start: span.start, end: span.start + 1 }, condition.quote),
          ) &&
          // "not ruling out" is no refusal: the reservation's words say so.
          !(
            kind === "refusal" && /\b(?:not|never)\s+$/iu.test(this.text.slice(span.start - 6, span.start))
          ) &&
          // "declined to identify them": keeping a secret refuses no pledge.
          !(kind === "refusal" && declinedToSay.test(this.text.slice(span.start, span.end + 20))),
      );
      if (cue) return { cue, kind, heldBack };
    }
    return null;
  }

  private pledgeQuantity(
    span: Span,
    quantities: FoundQuantity[],
    used: Set<FoundQuantity>,
  ): SuggestedQuantity | null {
    // "an army set to number 800,000 troops" is what a party has, not what it pledges.
    const quantity = quantities.find(
      (found) =>
        within(found, span) &&
        pledgeUnits(found.unit) &&
        !armyNumbers.test(this.text.slice(Math.max(span.start, found.start - 40), found.start)),
    );
    if (!quantity) return null;
    used.add(quantity);
    return quantityOf(quantity);
  }

  private pledge(
    quote: Span,
    cue: Span,
    stance: PledgeSuggestion["stance"],
    category: PledgeCategory,
    status: PledgeStatus,
    parties: SuggestedParty[],
    quantity: SuggestedQuantity | null,
    conditions: ConditionSuggestion[],
    words: Span = quote,
  ): PledgeSuggestion {
    const who = parties.filter((party) => party.role === "pledger").map((party) => party.name);
    // A pledge is titled by what follows its verb; a refusal or a reservation by its own words ("will not send troops").
    const from =
      stance === "pledge" ? Math.max(cue.end < words.end ? cue.end : words.start, words.start) : cue.start;
    const said = this.text.slice(from, words.end).replace(/^rather than\s+/iu, "will not ");
    const what = titleFrom(stance === "pledge" ? said.replace(/^\s*(?:to|for|the|a)\s+/iu, "") : said);
    const title =
      who.length > 0
        ? `${who.join(", ")}: ${stance === "pledge" ? what : what.charAt(0).toLowerCase() + what.slice(1)}`
        : what;
    const linked = conditions.filter(
      (condition) =>
        overlaps(condition.quote, quote) ||
        (stance === "pledge" && condition.quote.start >= quote.end && condition.quote.start - quote.end < 3),
    );
    // A pledge that holds in case of an attack is a guarantee, whatever else it names ("supporting the force in case of a Russian attack").
    const onAttack = linked.some((condition) =>
      /\b(?:attacks?|attacked|invades?|invasions?|aggression|strikes?\s+again|(?:renewed|new|resumed)\s+hostilities|resumption\s+of\s+hostilities)\b/iu.test(
        this.text.slice(condition.quote.start, condition.quote.end),
      ),
    );
    if (stance === "pledge" && onAttack && category !== "monitoring") category = "guarantee";
    return {
      kind: "pledge",
      key: key("pledge", quote.start, quote.end, stance, category, who.join(",")),
      quote,
      alsoQuoted: [],
      cue,
      stance,
      title,
      category,
      status,
      parties,
      quantity,
      conditionKeys: linked.map((condition) => condition.key),
      matches: null,
    };
  }

  private requirements(passage: Passage, quantities: FoundQuantity[], used: Set<FoundQuantity>): void {
    const slice = this.text.slice(passage.start, passage.end);
    const cue = requirementCue.exec(slice);
    if (!cue) return;
    const cueSpan = { start: passage.start + cue.index, end: passage.start + cue.index + cue[0].length };
    if (insideAny(cueSpan, passage.quoted)) return;
    for (const quantity of quantities) {
      if (used.has(quantity) || !pledgeUnits(quantity.unit)) continue;
      used.add(quantity);
      const between = cueSpan.end <= quantity.start ? this.text.slice(cueSpan.end, quantity.start) : "";
      const subject = between
        .replace(/^\s*(?:that|a|an|the)\s+/iu, "")
        .replace(
          /\s+(?:could|would|will|may|might|to|of|at|be|range|need|needs|take|between|from|is|are)(?:\s|$).*$/isu,
          "",
        )
        .trim();
      const after = this.text.slice(quantity.end, passage.end).replace(/^\s*(?:to|for)\s+/iu, "");
      this.suggestions.push({
        kind: "requirement",
        key: key("requirement", passage.start, passage.end, quantity.low, quantity.high, quantity.unit),
        quote: { start: passage.start, end: passage.end },
        alsoQuoted: [],
        cue: cueSpan,
        title: subject
          ? `${titleFrom(subject)} (${this.text.slice(cueSpan.start, cueSpan.end).toLowerCase()})`
          : `Needed: ${quantity.unit}`,
        scope: after.trim() ? titleFrom(after) : null,
        quantity: quantityOf(quantity),
      });
    }
  }

  private capacities(
    passage: Passage,
    mentions: Mention[],
    quantities: FoundQuantity[],
    used: Set<FoundQuantity>,
  ): void {
    for (const clause of clausesOf(this.text, passage)) {
      const inClause = quantities.filter(
        (quantity) => within(quantity, clause) && !used.has(quantity) && quantity.unit === "personnel",
      );
      if (inClause.length === 0) continue;
      // The cue may sit in the clause before ("the British Army fields roughly 70,000…; France more than 260,000").
      const cueIn = (span: Span) => capacityCue.test(this.text.slice(span.start, span.end));
      const previousClauseHasCue = inClause.every((quantity) => quantity.unitInferred) && cueIn(passage);
      if (!cueIn(clause) && !previousClauseHasCue) continue;
      for (const quantity of inClause) {
        const owner = mentions
          .filter((mention) => within(mention, clause) && mention.end <= quantity.start)
          .at(-1);
        if (!owner) continue;
        used.add(quantity);
        const party = this.party(owner, "pledger");
        const noun = /army|navy|air force|armed forces|military/iu.exec(
          this.text.slice(owner.end, quantity.start),
        );
        this.suggestions.push({
          kind: "capacity",
          key: key("capacity", clause.start, quantity.end, quantity.low, party.name),
          quote: { start: clause.start, end: quantity.end },
          alsoQuoted: [],
          cue: null,
          title: `${party.name}: ${noun ? `${noun[0].toLowerCase()} ` : ""}${quantity.unit}`,
          party,
          quantity: quantityOf(quantity),
        });
      }
    }
  }

  /** A sentence saying a tracked pledge was delivered or is under way. */
  private statusEvidence(passage: Passage, mentions: Mention[]): void {
    if (this.known.pledges.length === 0) return;
    const stakeholderIds = new Set(
      mentions
        .map((mention) => this.gazetteer.stakeholderOf(mention.actor)?.id)
        .filter((id): id is string => Boolean(id)),
    );
    if (stakeholderIds.size === 0) return;
    for (const { pattern, status } of deliveryCues) {
      const cue = matchesIn(this.text, pattern, passage).find((span) => !insideAny(span, passage.quoted));
      if (!cue) continue;
      const category = categoryOf(this.text, passage);
      const rank = (value: PledgeStatus) =>
        ["announced", "committed", "in_progress", "delivered"].indexOf(value);
      for (const pledge of this.known.pledges) {
        if (pledge.category !== category || !pledge.stakeholderIds.some((id) => stakeholderIds.has(id)))
          continue;
        if (rank(pledge.status) >= rank(status) || ["stalled", "withdrawn"].includes(pledge.status)) continue;
        this.suggestions.push({
          kind: "status",
          key: key("status", passage.start, passage.end, pledge.id, status),
          quote: { start: passage.start, end: passage.end },
          alsoQuoted: [],
          cue,
          pledge: { id: pledge.id, title: pledge.title },
          status,
        });
      }
      return;
    }
  }

  /**
   * The same pledge said twice (in a summary and again in a list; "Germany pledged 500 troops, adding
   * that they would be deployed…") is one suggestion quoting both.
   */
  private mergeRepeats(): void {
    const kept = new Map<string, PledgeSuggestion[]>();
    const amountOf = (suggestion: PledgeSuggestion) =>
      suggestion.quantity
        ? `${suggestion.quantity.low}-${suggestion.quantity.high} ${suggestion.quantity.unit}`
        : "";
    const order: Suggestion[] = [];
    for (const suggestion of this.suggestions) {
      if (suggestion.kind !== "pledge") {
        order.push(suggestion);
        continue;
      }
      const who = suggestion.parties
        .filter((party) => party.role === "pledger")
        .map((party) => party.name)
        .sort()
        .join(",");
      const identity = `${suggestion.stance}|${suggestion.category}|${who}`;
      const same = kept.get(identity) ?? [];
      // Two amounts make two pledges, whoever makes them ("France: 2,000 troops", "France: 500
      // troops"); a pledge said once with its amount and once without is one.
      const amount = amountOf(suggestion);
      const first =
        same.find((other) => amountOf(other) === amount) ??
        (amount === "" ? same[0] : same.find((other) => amountOf(other) === ""));
      if (!first) {
        kept.set(identity, [...same, suggestion]);
        order.push(suggestion);
        continue;
      }
      first.alsoQuoted.push(suggestion.quote, ...suggestion.alsoQuoted);
      if (suggestion.status === "committed") first.status = "committed";
      first.quantity ??= suggestion.quantity;
      first.conditionKeys = [...new Set([...first.conditionKeys, ...suggestion.conditionKeys])];
    }
    this.suggestions.splice(0, this.suggestions.length, ...order);
  }

  /** Suggestions about what the tracker holds are proposed as updates to it. */
  private matchRecords(): void {
    const conditionIndex = this.known.conditions.map((condition) => ({
      condition,
      words: conditionWords(condition.title),
    }));
    for (const suggestion of this.suggestions) {
      if (suggestion.kind === "condition") {
        const words = conditionWords(suggestion.title);
        let best: { id: string; title: string; score: number } | null = null;
        for (const { condition, words: known } of conditionIndex) {
          const score = similarity(words, known);
          if (score >= 0.3 && (!best || score > best.score))
            best = { id: condition.id, title: condition.title, score };
        }
        suggestion.matches = best ? { id: best.id, title: best.title } : null;
      }
      if (suggestion.kind === "pledge" && suggestion.stance === "pledge") {
        const ids = new Set(
          suggestion.parties
            .filter((party) => party.role === "pledger" || party.role === "lead")
            .map((party) => party.stakeholderId)
            .filter(Boolean),
        );
        // The tracked pledge of the same category that shares the most of its pledgers, then of its words
        // ("Declaration of Intent to deploy forces" over "Multinational deterrence force", both France's).
        const words = conditionWords(
          [
            suggestion.title,
            ...[suggestion.quote, ...suggestion.alsoQuoted].map((span) =>
              this.text.slice(span.start, span.end),
            ),
          ].join(" "),
        );
        let match: { id: string; title: string; score: number } | null = null;
        for (const pledge of this.known.pledges) {
          if (pledge.category !== suggestion.category) continue;
          const shared = pledge.stakeholderIds.filter((id) => ids.has(id)).length;
          const alike = similarity(words, conditionWords(pledge.title));
          if (ids.size > 0 ? shared === 0 : alike < 0.2) continue;
          const score = shared / Math.max(ids.size, 1) + alike * 2;
          if (!match || score > match.score) match = { id: pledge.id, title: pledge.title, score };
        }
        suggestion.matches = match ? { id: match.id, title: match.title } : null;
      }
    }
  }
}

/** The rules' suggestions for a text, in the order the text makes them. */
export function suggestByRules(text: string, known: KnownRecords): Suggestion[] {
  return new Reading(text, known).read();
}

/** How many passages are read between pauses: some 50 ms of work. */
const passagesPerStep = 200;

/**
 * The same suggestions, read in steps with `pause` awaited between them (a server passes one that
 * lets other requests run: a long document takes seconds to read).
 */
export function suggestByRulesInSteps(
  text: string,
  known: KnownRecords,
  pause: () => Promise<void>,
): Promise<Suggestion[]> {
  return new Reading(text, known).readInSteps(pause);
}
