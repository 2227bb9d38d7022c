import {
  categoryLabels,
  pledgeStatusLabels,
  qualifierLabels,
  stakeholderKindLabels,
} from "@/lib/rules/vocabulary";
import { pledgeFieldWords, type PledgeFieldName } from "@/lib/rules/pledge-fields";
import { invalid } from "@/lib/validation-message";
import bodyLimits from "@/server/body-limits.json";

// The pledge fields a spreadsheet column can fill, and how headers are matched to them.
// Matching ignores case, spaces, hyphens and underscores, so "Quantity low", "quantity_low" and
// "QUANTITY-LOW" all name the same field.

export const importFields = [
  "externalId",
  "title",
  "stakeholders",
  "stakeholderKind",
  "category",
  "quantityLow",
  "quantityHigh",
  "quantityUnit",
  "quantityQualifier",
  "deliveredQuantity",
  "status",
  "announcedOn",
  "dueOn",
  "conditions",
  "sourceTitle",
  "sourceUrl",
  "sourceQuote",
  "description",
  "scope",
] as const;
export type ImportField = (typeof importFields)[number];

/** The columns that give a row's source and its stakeholders' kind, which are not fields of the pledge. */
const otherHeaders = {
  sourceTitle: "Source title",
  sourceUrl: "Source URL",
  sourceQuote: "Source quote",
  stakeholderKind: "Stakeholder kind",
};

/** Each field's header: the pledge's own from its field table (lib/rules/pledge-fields.ts), where conditions go by name. */
export const importFieldLabels = Object.fromEntries(
  importFields.map((field) => [
    field,
    field === "conditions"
      ? pledgeFieldWords.conditionIds.header
      : field in pledgeFieldWords
        ? pledgeFieldWords[field as PledgeFieldName].header
        : otherHeaders[field as keyof typeof otherHeaders],
  ]),
) as Record<ImportField, string>;

/** Fields a row cannot do without when it creates a pledge. */
const requiredFields: readonly ImportField[] = ["title", "category", "announcedOn"];

/** Fields whose values come from a closed set, so that a file's own words can be mapped onto it. */
export const valueMappedFields = ["category", "status", "quantityQualifier", "stakeholderKind"] as const;
export type ValueMappedField = (typeof valueMappedFields)[number];

/** Each value-mapped field's identifiers, with their labels. */
export const valueChoiceLabels: Record<ValueMappedField, Record<string, string>> = {
  category: categoryLabels,
  status: pledgeStatusLabels,
  quantityQualifier: qualifierLabels,
  stakeholderKind: stakeholderKindLabels,
};

/** What one import takes; the browser checks the size before sending, the server again. */
export const importLimits = {
  /** Bytes per file. A 50,000-row pledge sheet is about 10 MB as CSV. */
  maxBytes: bodyLimits.importUpload,
  /** Rows below the header. */
  maxRows: 100_000,
  /** Columns in any row: a pledge sheet has a few dozen. */
  maxColumns: 1_000,
  /** Characters in one row, quoted line breaks included. */
  maxLineChars: 1024 * 1024,
  /** Seconds an upload may take to arrive, from the request's start: a slow client frees its slot. */
  uploadSeconds: 120,
  /** Seconds without a byte of the upload before it is given up: a stalled client frees its slot. */
  idleSeconds: 30,
  /** Seconds a preview or commit may run, upload included, before it stops and frees its slot. */
  workSeconds: 300,
};

// Other names spreadsheets (and Pledgewatch's own CSV export) use for the same field.
const headerAliases: Record<ImportField, string[]> = {
  externalId: ["external id", "ext id", "reference", "ref"],
  title: ["pledge", "name", "commitment"],
  stakeholders: ["stakeholder", "pledger", "pledgers", "country", "countries", "who"],
  stakeholderKind: ["stakeholder type", "donor type", "kind of stakeholder", "type of donor"],
  category: ["type", "kind"],
  quantityLow: ["quantity", "amount", "low", "quantity min", "minimum"],
  quantityHigh: ["high", "quantity max", "maximum"],
  quantityUnit: ["unit", "currency", "unit currency"],
  quantityQualifier: ["quantity qualifier"],
  deliveredQuantity: ["delivered quantity", "delivered so far"],
  status: ["lifecycle status", "pledge status"],
  announcedOn: ["announced on", "announcement date", "date announced", "date"],
  dueOn: ["due on", "due date", "deadline"],
  conditions: ["condition", "conditional on", "depends on"],
  sourceTitle: ["source"],
  sourceUrl: ["url", "link", "source link"],
  sourceQuote: ["quote", "evidence"],
  description: ["details", "notes"],
  scope: [],
};

/** "Quantity low", "quantity_low", "QUANTITY-LOW" → "quantitylow". */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_]+/g, "");
}

const fieldByName = new Map<string, ImportField>();
for (const field of importFields) {
  for (const name of [field, importFieldLabels[field], ...headerAliases[field]]) {
    fieldByName.set(normalizeName(name), field);
  }
}

/** The field a header names, if it names one. */
export function fieldForHeader(header: string): ImportField | null {
  return fieldByName.get(normalizeName(header)) ?? null;
}

/** Which field each column fills (by header text); columns left out are ignored. */
export type ColumnMapping = Record<string, ImportField>;

/** How a mapping fills fields: by column, or composed from columns, or by a default (schemas.ts). */
export interface FieldSources {
  columns: ColumnMapping;
  composed?: Partial<Record<ImportField, string>>;
  defaults?: Partial<Record<ImportField, string>>;
}

/**
 * The mapping proposed for a file's headers: each header that names a field, the first such header
 * winning when two name the same field (the later one is left for the analyst to decide).
 */
export function proposeMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const header of headers) {
    const field = fieldForHeader(header);
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Problems with a mapping that make every row fail, named once instead of once per row. */
export function mappingProblems(
  headers: readonly string[],
  sources: FieldSources,
  /** A field as the reader's import page names it (the browser loads this module: no catalogs here). */
  label: (field: ImportField) => string = (field) => importFieldLabels[field],
): string[] {
  const mapping = sources.columns;
  // References (lib/validation-message.ts), worded by the caller in its reader's language.
  const problems: string[] = [];
  const say = (message: string) => problems.push(message);
  const seen = new Map<ImportField, string>();
  const present = new Set(headers);
  for (const [field, template] of Object.entries(sources.composed ?? {}) as [ImportField, string][]) {
    seen.set(field, invalid("row.template", { template }));
  }
  for (const [header, field] of Object.entries(mapping)) {
    if (!present.has(header)) say(invalid("row.noColumn", { header }));
    const other = seen.get(field);
    if (other !== undefined) say(invalid("row.bothFill", { first: other, header, field: label(field) }));
    seen.set(field, invalid("row.quoted", { header }));
  }
  for (const field of requiredFields) {
    if (!seen.has(field) && !Object.hasOwn(sources.defaults ?? {}, field))
      say(invalid("row.requiredColumn", { field: label(field) }));
  }
  const counted = new Set<string>();
  const duplicated = new Set<string>();
  for (const header of headers) {
    if (counted.has(header) && header !== "") duplicated.add(header);
    counted.add(header);
  }
  for (const header of duplicated) {
    if (Object.hasOwn(mapping, header)) say(invalid("row.twoColumns", { header }));
  }
  return problems;
}

// More words real trackers head their columns with, in English, French and Ukrainian, for guessing
// what an unrecognised column holds (besides each field's own names, `headerAliases`). A guess is
// only offered, never applied.
const guessWords: Partial<Record<ImportField, string[]>> = {
  title: ["title", "measure", "project", "activity", "item", "titre", "mesure", "назва", "захід"],
  stakeholders: [
    "donor",
    "provider",
    "contributor",
    "government",
    "organisation",
    "organization",
    "pays",
    "donateur",
    "країна",
    "донор",
  ],
  category: ["category", "sector", "catégorie", "secteur", "категорія", "тип"],
  announcedOn: ["announced", "announcement", "year", "month", "annonce", "дата"],
  quantityLow: ["value", "sum", "total", "montant", "valeur", "сума", "кількість"],
  externalId: ["id", "code", "identifier", "identifiant"],
};

const words = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The words of a field's names and guess words that suggest a column holds it. */
const hintsOf = (field: ImportField) =>
  new Set([...(guessWords[field] ?? []), ...headerAliases[field].filter((alias) => !alias.includes(" "))]);

/** The fields a mapping fills: with a column the file has, a template or a default. */
const filledFields = (headers: readonly string[], sources: FieldSources) =>
  new Set([
    ...headers.flatMap((header) =>
      Object.hasOwn(sources.columns, header) ? [sources.columns[header]!] : [],
    ),
    ...(Object.keys(sources.composed ?? {}) as ImportField[]),
    ...(Object.keys(sources.defaults ?? {}) as ImportField[]),
  ]);

/**
 * For each required field (and the amount and stakeholders, without which a pledge says little)
 * that no column of the file fills, the unmapped column whose header best suggests it:
 * "Donor → Stakeholders?". A column is offered for one field at most.
 */
export function guessColumns(
  headers: readonly string[],
  sources: FieldSources,
): { field: ImportField; header: string }[] {
  const filled = filledFields(headers, sources);
  const free = headers.filter((header) => header !== "" && !Object.hasOwn(sources.columns, header));
  const wanted: ImportField[] = [...requiredFields, "stakeholders", "quantityLow", "externalId"];
  const guesses: { field: ImportField; header: string }[] = [];
  const taken = new Set<string>();
  for (const field of wanted) {
    if (filled.has(field)) continue;
    const hints = hintsOf(field);
    const header = free.find((h) => !taken.has(h) && words(h).some((word) => hints.has(word)));
    if (header === undefined) continue;
    taken.add(header);
    guesses.push({ field, header });
  }
  return guesses;
}

/** The required fields no column of the file fills (a mapping may name columns the file lacks). */
export function missingFields(headers: readonly string[], sources: FieldSources): ImportField[] {
  const filled = filledFields(headers, sources);
  return requiredFields.filter((field) => !filled.has(field));
}
