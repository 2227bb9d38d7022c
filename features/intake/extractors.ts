import "server-only";
import { z } from "@/lib/zod";
import { invalid } from "@/lib/validation-message";
import { Gazetteer } from "@/lib/rules/intake/gazetteer";
import { passagesOf, type Span } from "@/lib/rules/intake/passages";
import { readQuantity } from "@/lib/rules/intake/quantities";
import { setImmediate } from "node:timers/promises";
import { suggestByRulesInSteps, suggestionKey } from "@/lib/rules/intake/rules-extractor";
import {
  quotedVerbatim,
  type KnownRecords,
  type SuggestedQuantity,
  type Suggestion,
} from "@/lib/rules/intake/suggestions";
import { pledgeCategories, quantityQualifiers } from "@/lib/rules/vocabulary";
import type { IntakeModelConfig } from "@/server/env";

// What reads a text into suggestions. The rules (lib/rules/intake) always; a model behind an
// OpenAI-compatible API when one is configured. Whatever reads, a suggestion whose quote is not
// verbatim in the text is dropped: nothing reaches a reviewer that the document does not say.

export type ExtractorName = "rules" | "model";

export interface Reading {
  suggestions: Suggestion[];
  /** Suggestions dropped because their quote is not in the text. */
  dropped: number;
}

export interface Extractor {
  name: ExtractorName;
  read(text: string, known: KnownRecords, signal?: AbortSignal): Promise<Reading>;
}

/** Only what quotes the text verbatim. */
function verbatim(text: string, suggestions: Suggestion[]): Reading {
  const kept = suggestions.filter((suggestion) => quotedVerbatim(text, suggestion));
  return { suggestions: kept, dropped: suggestions.length - kept.length };
}

export const rulesExtractor: Extractor = {
  name: "rules",
  async read(text, known) {
    // Read in steps: the other requests this process serves go on while a long document is read.
    return verbatim(text, await suggestByRulesInSteps(text, known, () => setImmediate()));
  },
};

/** A model that did not answer usefully: said to the analyst, the rules' suggestions standing. */
export class ModelError extends Error {
  override name = "ModelError";
}

const modelKinds = ["pledge", "condition", "figure", "requirement", "capacity"] as const;

const modelQuantitySchema = z
  .object({
    low: z.union([z.string(), z.number()]).transform(String),
    high: z.union([z.string(), z.number()]).transform(String).optional(),
    unit: z.string().min(1).max(40),
    qualifier: z.enum(quantityQualifiers).catch("exact"),
  })
  .nullable()
  .optional()
  .catch(null);

const modelSuggestionSchema = z.object({
  kind: z.enum(modelKinds),
  quote: z.string().min(3).max(2000),
  title: z.string().max(300).optional(),
  stance: z.enum(["pledge", "refusal", "reservation"]).catch("pledge").optional(),
  category: z.enum(pledgeCategories).catch("other").optional(),
  status: z.enum(["announced", "committed"]).catch("announced").optional(),
  parties: z.array(z.string().min(1).max(200)).max(20).catch([]).optional(),
  dependsOn: z.string().max(200).nullable().optional().catch(null),
  quantity: modelQuantitySchema,
});

const answerSchema = z.object({ suggestions: z.array(z.unknown()).max(500) });

const instructions = `You read reports on security commitments for Ukraine and list, for an analyst to review, what they state:
- pledges: who commits to what (kind "pledge", stance "pledge"), and refusals or reservations (stance "refusal" or "reservation"), with category (${pledgeCategories.join(", ")}), status ("announced" or "committed" when signed or formally agreed), parties (the names of who pledges) and quantity when one is stated;
- conditions a pledge depends on (kind "condition"), with dependsOn: who must act;
- figures: quantities with their units (kind "figure");
- requirements: what is said to be needed (kind "requirement"), with quantity;
- capacity references: what a party has or fields (kind "capacity"), with quantity and parties.
A quantity is {"low": "30000", "high": "30000", "unit": "personnel" or a currency code or a plural noun, "qualifier": "exact", "up_to", "at_least" or "about"}.
Each suggestion must have "quote": words copied exactly from the document, character for character, that state it.
Answer with JSON only: {"suggestions": [...]}.`;

const key = suggestionKey;

/** The most of a model's answer read: a longer one is not an answer to this question. */
const maxAnswerBytes = 4 * 1024 * 1024;

/** The most text sent in one question: some 3,000 words, which small local models take whole. */
export const modelPartChars = 12_000;

/** A span in pieces of at most `maxChars`, each cut after a space where there is one. */
function piecesOf(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const space = text.lastIndexOf(" ", start + maxChars);
    const end = space > start ? space + 1 : start + maxChars;
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

/** The text in parts of at most `maxChars`, cut between passages (a longer passage, after a space). */
export function partsOf(text: string, maxChars = modelPartChars): Span[] {
  const parts: Span[] = [];
  let current: Span | null = null;
  for (const passage of passagesOf(text).flatMap((whole) => piecesOf(text, whole, maxChars))) {
    if (current && passage.end - current.start <= maxChars) current.end = passage.end;
    else {
      if (current) parts.push(current);
      current = { start: passage.start, end: passage.end };
    }
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Suggestions from a model behind an OpenAI-compatible chat completions API, asked about the text a
 * part at a time (./partsOf), all within the configured time. Its quotes are found in the part it was
 * asked about (a quote it made up, or changed by a character, is dropped); its quantities are checked
 * against what the quantity grammar reads from the quote, and replaced by that where they disagree.
 */
export function modelExtractor(config: IntakeModelConfig, fetcher: typeof fetch = fetch): Extractor {
  return {
    name: "model",
    async read(text, known, signal) {
      const gazetteer = new Gazetteer(known.stakeholders);
      const suggestions: Suggestion[] = [];
      let dropped = 0;
      const parts = partsOf(text);
      // The time is the whole reading's, however many parts: the analyst waits for all of it.
      const deadline = AbortSignal.timeout(config.timeoutSeconds * 1000);
      for (const [index, part] of parts.entries()) {
        const answer = await ask(config, fetcher, text.slice(part.start, part.end), {
          signal: AbortSignal.any([deadline, ...(signal ? [signal] : [])]),
          // How far it got, said when the text came in parts (0 parts: one, nothing to say).
          progress: { read: index, parts: parts.length > 1 ? parts.length : 0 },
        });
        for (const raw of answer) {
          const parsed = modelSuggestionSchema.safeParse(raw);
          if (!parsed.success) {
            dropped++;
            continue;
          }
          const made = suggestionOf(text, part, parsed.data, gazetteer, known);
          if (
            made &&
            quotedVerbatim(text, made) &&
            text.slice(made.quote.start, made.quote.end) === parsed.data.quote
          ) {
            suggestions.push(made);
          } else dropped++;
        }
      }
      return { suggestions, dropped };
    },
  };
}

async function ask(
  config: IntakeModelConfig,
  fetcher: typeof fetch,
  text: string,
  { signal, progress }: { signal: AbortSignal; progress: { read: number; parts: number } },
): Promise<unknown[]> {
  const address = `${config.url.replace(/\/+$/, "")}/chat/completions`;
  let response: Response;
  try {
    response = await fetcher(address, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        response_format: { type: "json_object" },
        messages: [
          { role: "system", content: instructions },
          { role: "user", content: text },
        ],
      }),
      signal,
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new ModelError(
      timedOut
        ? invalid("refusal.modelTimedOut", { seconds: config.timeoutSeconds, ...progress })
        : invalid("refusal.modelUnreachable", { url: config.url }),
    );
  }
  if (!response.ok) {
    throw new ModelError(invalid("refusal.modelAnsweredHttp", { url: config.url, status: response.status }));
  }
  let body: string;
  try {
    body = await response.text();
  } catch {
    // The time ran out, or the connection broke, while the answer was arriving.
    throw new ModelError(invalid("refusal.modelAnswerCut", { seconds: config.timeoutSeconds, ...progress }));
  }
  if (body.length > maxAnswerBytes) throw new ModelError(invalid("refusal.modelAnswerTooLong"));
  let content: unknown;
  try {
    const completion = JSON.parse(body) as { choices?: { message?: { content?: unknown } }[] };
    content = completion.choices?.[0]?.message?.content;
    if (typeof content !== "string") throw new Error("no content");
    const json = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, "");
    const parsed = answerSchema.safeParse(JSON.parse(json));
    if (!parsed.success) throw new Error("not the asked shape");
    return parsed.data.suggestions;
  } catch {
    throw new ModelError(invalid("refusal.modelAnswerNotJson"));
  }
}

function suggestionOf(
  text: string,
  part: Span,
  made: z.infer<typeof modelSuggestionSchema>,
  gazetteer: Gazetteer,
  known: KnownRecords,
): Suggestion | null {
  // Where it is in the part the model was asked about: the same words earlier in the text are not these.
  const start = text.indexOf(made.quote, part.start);
  if (start === -1 || start + made.quote.length > part.end) return null;
  const quote = { start, end: start + made.quote.length };
  const base = { quote, alsoQuoted: [], cue: null };
  // What the grammar reads from the quote is what the document says; the model's figure only fills a gap.
  const grammar = readQuantity(made.quote);
  const quantity: SuggestedQuantity | null = grammar
    ? {
        low: grammar.low,
        high: grammar.high,
        unit: grammar.unit,
        qualifier: grammar.qualifier,
        vague: grammar.vague,
        outOf: grammar.outOf,
        unitInferred: false,
      }
    : made.quantity && /^\d+(?:\.\d+)?$/.test(made.quantity.low)
      ? {
          low: made.quantity.low,
          high: made.quantity.high ?? made.quantity.low,
          unit: made.quantity.unit,
          qualifier: made.quantity.qualifier,
          vague: false,
          outOf: null,
          unitInferred: false,
        }
      : null;
  const title = (made.title ?? made.quote).slice(0, 300);
  const parties = (made.parties ?? []).map((name) => gazetteer.partyNamed(name, "pledger"));
  // Keyed by what the text says where, not by the model's words for it: a decision stays remembered
  // however it words the same suggestion next time.
  const id = (kind: string) => key("model", kind, String(start), String(quote.end), made.stance ?? "");
  switch (made.kind) {
    case "pledge": {
      const category = made.category ?? "other";
      const ids = new Set(parties.map((party) => party.stakeholderId).filter(Boolean));
      const match = known.pledges.find(
        (pledge) =>
          pledge.category === category &&
          pledge.stakeholderIds.some((stakeholderId) => ids.has(stakeholderId)),
      );
      return {
        kind: "pledge",
        key: id("pledge"),
        ...base,
        stance: made.stance ?? "pledge",
        title,
        category,
        status: made.status ?? "announced",
        parties,
        quantity,
        conditionKeys: [],
        matches:
          made.stance === "pledge" || !made.stance
            ? match
              ? { id: match.id, title: match.title }
              : null
            : null,
      };
    }
    case "condition":
      return {
        kind: "condition",
        key: id("condition"),
        ...base,
        title,
        dependsOn: made.dependsOn ? gazetteer.partyNamed(made.dependsOn, "pledger") : null,
        matches: null,
      };
    case "figure":
      return quantity ? { kind: "figure", key: id("figure"), ...base, quantity } : null;
    case "requirement":
      return quantity
        ? { kind: "requirement", key: id("requirement"), ...base, title, scope: null, quantity }
        : null;
    case "capacity":
      return quantity && parties[0]
        ? { kind: "capacity", key: id("capacity"), ...base, title, party: parties[0], quantity }
        : null;
  }
}
