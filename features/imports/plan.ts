// What an import would do, decided before anything is written: each valid row creates a pledge,
// updates one (matched by external id, else by title and stakeholders) or is skipped because the
// pledge already says exactly that. No database here: what is stored comes in through an
// `ImportSnapshot` (its maps, and the stored pledges it reads when asked).
import { pledgeColumnNames, type PledgeRecordShape } from "@/lib/rules/pledge-fields";
import { inferStakeholderKind } from "@/lib/rules/stakeholder-kind";
import type { StakeholderKind } from "@/lib/rules/vocabulary";
import type { Locale } from "@/i18n/locales";
import { invalid } from "@/lib/validation-message";
import { importWords, type ImportWords } from "./import-words";
import { normalizeName, type ImportField } from "./fields";
import type { ImportedPledge, RowError } from "./rows";

/** A stored pledge (lib/rules/pledge-fields.ts), with what an import compares besides. */
export type ExistingPledge = Omit<PledgeRecordShape, "stakeholders"> & {
  stakeholders: (PledgeRecordShape["stakeholders"][number] & { name: string })[];
  /** `sourceId|quote` of each citation the pledge already has. */
  citations: string[];
};

export interface NamedRecord {
  id: string;
  name: string;
}

/** A stored pledge as rows find it: its id, and the external id that tells it from its namesakes. */
export interface StoredPledgeRef {
  id: string;
  externalId: string | null;
}

/** The stored records an import file's rows may refer to. */
export interface ImportSnapshot {
  pledgesByExternalId: ReadonlyMap<string, StoredPledgeRef>;
  /** Pledges by `pledgeKey(title, stakeholder names)`. */
  pledgesByTitle: ReadonlyMap<string, StoredPledgeRef[]>;
  /**
   * The matched pledges in full, read as they are compared, `compareBatch` at a time: a file that
   * matches 50,000 pledges then holds only those it updates, not every one it matched.
   */
  storedPledges: (ids: readonly string[]) => Promise<ExistingPledge[]>;
  /** Stakeholders by normalised name and slug. */
  stakeholders: ReadonlyMap<string, NamedRecord>;
  /** Conditions by normalised title and slug. */
  conditions: ReadonlyMap<string, NamedRecord>;
  /** Sources by URL, and by normalised title for sources without one. */
  sources: ReadonlyMap<string, NamedRecord>;
}

export type PlannedRow =
  | { action: "create"; row: number; pledge: ImportedPledge }
  | { action: "update"; row: number; pledge: ImportedPledge; existing: ExistingPledge; changed: string[] }
  | { action: "skip"; row: number; reason: string };

/** A stakeholder the import creates, and why it is of its kind. */
export interface NewStakeholder {
  name: string;
  kind: StakeholderKind;
  countryCode: string | null;
  /** Said by the mapping for this name, by the row's kind column, or inferred from the name. */
  basis: "named" | "column" | "country" | "not a country";
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: RowError[];
  /** The stored pledges the file's rows match (to update, or already up to date). */
  matchedIds: string[];
  /** The rows read as corrections, each applied to the earlier row of the pledge it lowers. */
  corrections: { row: number; correcting: number; unit: string; amount: bigint }[];
  counts: { create: number; update: number; skip: number; invalid: number };
  /** Records that no record has yet: the import creates them. */
  newStakeholders: NewStakeholder[];
  /** What the analyst should know that does not stop the import: rows disagreeing on a kind. */
  warnings: string[];
  newConditions: string[];
  newSources: string[];
}

/** Title and stakeholders, each normalised and the names sorted: how a row without an id finds its pledge. */
export function pledgeKey(title: string, stakeholderNames: readonly string[]): string {
  return [normalizeName(title), ...stakeholderNames.map(normalizeName).sort()].join("|");
}

export function sourceKey(source: { title: string; url: string | null }): string {
  return source.url ? `url:${source.url}` : `title:${normalizeName(source.title)}`;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The pledge's own columns an import fills, compared one by one and written as they are. */
const scalarFields = pledgeColumnNames;
export type ScalarField = (typeof scalarFields)[number];

/** A row's values for the pledge's own columns. */
export function pledgeColumns(pledge: ImportedPledge): Pick<ImportedPledge, ScalarField> {
  return Object.fromEntries(scalarFields.map((field) => [field, pledge[field]])) as Pick<
    ImportedPledge,
    ScalarField
  >;
}

/** The columns that fill each stored field: a field changes only when its column is in the file. */
const suppliedBy: Record<ScalarField, ImportField[]> = {
  externalId: ["externalId"],
  title: ["title"],
  description: ["description"],
  category: ["category"],
  quantityUnit: ["quantityUnit", "quantityLow", "quantityHigh", "deliveredQuantity"],
  quantityLow: ["quantityLow"],
  quantityHigh: ["quantityLow", "quantityHigh"],
  quantityQualifier: ["quantityQualifier"],
  deliveredQuantity: ["deliveredQuantity"],
  status: ["status"],
  announcedOn: ["announcedOn"],
  announcedPrecision: ["announcedOn"],
  dueOn: ["dueOn"],
  scope: ["scope"],
};

/** Which of the pledge's fields the row would change, by field name. */
function changedFields(pledge: ImportedPledge, existing: ExistingPledge, snapshot: ImportSnapshot): string[] {
  const changed: string[] = scalarFields.filter(
    (field) =>
      suppliedBy[field].some((column) => pledge.fields.has(column)) &&
      // An update never clears an external id: it is how the pledge is found next time.
      !(field === "externalId" && pledge.externalId === null) &&
      // Nor does "unknown" replace a date, known or recorded earlier: it says nothing new.
      !(
        (field === "announcedOn" || field === "announcedPrecision") &&
        pledge.announcedPrecision === "unknown"
      ) &&
      !same(pledge[field], existing[field]),
  );
  if (pledge.fields.has("stakeholders")) {
    const wanted = pledge.stakeholders
      .map((s) => `${snapshot.stakeholders.get(normalizeName(s.name))?.id ?? `new:${s.name}`}|${s.role}`)
      .sort();
    const current = existing.stakeholders.map((s) => `${s.stakeholderId}|${s.role}`).sort();
    if (new Set(wanted).size !== current.length || !current.every((key) => wanted.includes(key))) {
      changed.push("stakeholders");
    }
  }
  if (pledge.fields.has("conditions")) {
    const wanted = [
      ...new Set(pledge.conditions.map((c) => snapshot.conditions.get(normalizeName(c))?.id ?? `new:${c}`)),
    ].sort();
    const current = [...existing.conditionIds].sort();
    if (wanted.join("\n") !== current.join("\n")) changed.push("conditions");
  }
  if (pledge.source) {
    const sourceId = snapshot.sources.get(sourceKey(pledge.source))?.id;
    if (!sourceId || !existing.citations.includes(`${sourceId}|${pledge.source.quote}`))
      changed.push("sources");
  }
  return changed;
}

/** A row's content without its row number, to tell a repeated row from a conflicting one. */
function content(pledge: ImportedPledge): string {
  return JSON.stringify({ ...pledge, row: 0, fields: [...pledge.fields] }, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

/** By external id; else by title and stakeholders, where one side has no external id to tell them apart. */
function findExisting(
  pledge: ImportedPledge,
  snapshot: ImportSnapshot,
  words: ImportWords,
): StoredPledgeRef | RowError | null {
  if (pledge.externalId) {
    const byId = snapshot.pledgesByExternalId.get(pledge.externalId);
    if (byId) return byId;
  }
  const candidates = (
    snapshot.pledgesByTitle.get(
      pledgeKey(
        pledge.title,
        pledge.stakeholders.map((s) => s.name),
      ),
    ) ?? []
  ).filter((p) => pledge.externalId === null || p.externalId === null);
  if (candidates.length > 1) {
    return {
      row: pledge.row,
      column: words.label("title"),
      message: words.say(invalid("row.sameTitle", { count: candidates.length })),
    };
  }
  return candidates[0] ?? null;
}

/** The kind of a stakeholder the file names that is not stored yet: as named, as its row says, or inferred. */
function newStakeholder(
  name: string,
  pledge: ImportedPledge,
  named: Readonly<Record<string, StakeholderKind>>,
): NewStakeholder {
  const chosen =
    Object.entries(named).find(([other]) => normalizeName(other) === normalizeName(name))?.[1] ?? null;
  const inferred = inferStakeholderKind(name);
  const kind = chosen ?? pledge.stakeholderKind;
  if (kind) {
    return {
      name,
      kind,
      countryCode: kind === "state" ? inferred.countryCode : null,
      basis: chosen ? "named" : "column",
    };
  }
  return { name, ...inferred, basis: inferred.kind === "state" ? "country" : "not a country" };
}

const correctionKey = (p: ImportedPledge) =>
  [
    pledgeKey(
      "",
      p.stakeholders.map((s) => s.name),
    ),
    p.category,
    p.quantityUnit,
  ].join("|");

/**
 * The file's corrections (rows with a negative amount, read with `corrections`) applied to what they
 * correct: the latest row announced on or before the correction with the same stakeholders,
 * category and unit. The corrected pledge keeps its first amount in its history and takes each
 * correction from its date (mutations.ts); its final amount is what is compared and stored, so that
 * the same file imported again changes nothing. A correction with nothing to correct, or that would
 * take a pledge below zero, is a row error.
 */
function applyCorrections(pledges: readonly ImportedPledge[], words: ImportWords) {
  const isCorrection = (p: ImportedPledge) => p.quantityLow !== null && p.quantityLow < 0n;
  if (!pledges.some(isCorrection)) return { pledges, errors: [], applied: [] };
  const candidates = new Map<string, ImportedPledge[]>();
  for (const p of pledges) {
    if (isCorrection(p) || p.quantityLow === null) continue;
    const key = correctionKey(p);
    const list = candidates.get(key);
    if (list) list.push(p);
    else candidates.set(key, [p]);
  }
  // Each key's rows by date, then row: the target is the last one on or before a correction.
  const order = (a: ImportedPledge, b: ImportedPledge) =>
    a.announcedOn.getTime() - b.announcedOn.getTime() || a.row - b.row;
  for (const list of candidates.values()) list.sort(order);
  const corrected = new Map<ImportedPledge, ImportedPledge>();
  const errors: RowError[] = [];
  const applied: ImportPlan["corrections"] = [];
  for (const correction of pledges.filter(isCorrection).sort(order)) {
    const list = candidates.get(correctionKey(correction)) ?? [];
    let before = 0; // the number of rows announced on or before the correction
    for (let high = list.length; before < high;) {
      const middle = (before + high) >> 1;
      if (list[middle]!.announcedOn.getTime() <= correction.announcedOn.getTime()) before = middle + 1;
      else high = middle;
    }
    const target = before > 0 ? list[before - 1]! : null;
    const column = words.label("quantityLow");
    if (!target) {
      errors.push({
        row: correction.row,
        column,
        message: words.say(invalid("row.correctionWithoutTarget")),
      });
      continue;
    }
    const current = corrected.get(target) ?? { ...target, corrections: [] };
    const amount = correction.quantityLow!;
    if (current.quantityLow! + amount < 0n) {
      errors.push({
        row: correction.row,
        column,
        message: words.say(invalid("row.correctionBelowZero", { row: String(target.row) })),
      });
      continue;
    }
    corrected.set(target, {
      ...current,
      quantityLow: current.quantityLow! + amount,
      quantityHigh: current.quantityHigh! + amount,
      corrections: [...current.corrections!, { row: correction.row, amount, on: correction.announcedOn }],
    });
    applied.push({ row: correction.row, correcting: target.row, unit: target.quantityUnit!, amount });
  }
  return {
    pledges: pledges.filter((p) => !isCorrection(p)).map((p) => corrected.get(p) ?? p),
    errors,
    applied,
  };
}

/** Matched rows compared with their stored pledges at a time (one read of each table per batch). */
export const compareBatch = 1000;

/**
 * The plan for a file's valid rows, row errors and blank rows (each in file order) against what is
 * stored. `stakeholderKinds` names the kind of new stakeholders, overriding their rows and inference.
 */
export async function planImport(
  read: readonly ImportedPledge[],
  rowErrors: readonly RowError[],
  snapshot: ImportSnapshot,
  blankRows: readonly number[] = [],
  stakeholderKinds: Readonly<Record<string, StakeholderKind>> = {},
  locale: Locale = "en",
): Promise<ImportPlan> {
  const words = importWords(locale);
  const rows: PlannedRow[] = blankRows.map((row) => ({ action: "skip", row, reason: "blank row" }));
  const corrected = applyCorrections(read, words);
  const pledges = corrected.pledges;
  const errors = [...rowErrors, ...corrected.errors];
  for (const c of corrected.applied)
    rows.push({ action: "skip", row: c.row, reason: `corrects row ${c.correcting}` });
  const seen = new Map<string, ImportedPledge>();
  const newStakeholders = new Map<string, NewStakeholder>();
  // For each new stakeholder, each kind the rows' kind column gives it, and the first row to say so.
  const kindsSaid = new Map<string, Map<StakeholderKind, number>>();
  const matchedIds = new Set<string>();
  const newConditions = new Map<string, string>();
  const newSources = new Map<string, string>();
  const matched: { pledge: ImportedPledge; id: string }[] = [];

  for (const pledge of pledges) {
    const key = pledge.externalId
      ? `id:${pledge.externalId}`
      : `title:${pledgeKey(
          pledge.title,
          pledge.stakeholders.map((s) => s.name),
        )}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (content(earlier) === content(pledge)) {
        rows.push({ action: "skip", row: pledge.row, reason: `repeats row ${earlier.row}` });
      } else {
        errors.push({
          row: pledge.row,
          column: words.label(pledge.externalId ? "externalId" : "title"),
          message: words.say(invalid("row.describedDifferently", { row: String(earlier.row) })),
        });
      }
      continue;
    }
    seen.set(key, pledge);

    const existing = findExisting(pledge, snapshot, words);
    if (existing && "message" in existing) {
      errors.push(existing);
      continue;
    }
    if (existing) matchedIds.add(existing.id);
    for (const { name } of pledge.stakeholders) {
      const id = normalizeName(name);
      if (snapshot.stakeholders.has(id)) continue;
      if (!newStakeholders.has(id)) newStakeholders.set(id, newStakeholder(name, pledge, stakeholderKinds));
      if (pledge.stakeholderKind) {
        const said = kindsSaid.get(id) ?? new Map<StakeholderKind, number>();
        if (!said.has(pledge.stakeholderKind)) said.set(pledge.stakeholderKind, pledge.row);
        kindsSaid.set(id, said);
      }
    }
    for (const name of pledge.conditions) {
      const id = normalizeName(name);
      if (!snapshot.conditions.has(id) && !newConditions.has(id)) newConditions.set(id, name);
    }
    if (pledge.source) {
      const id = sourceKey(pledge.source);
      if (!snapshot.sources.has(id) && !newSources.has(id)) newSources.set(id, pledge.source.title);
    }
    if (existing) matched.push({ pledge, id: existing.id });
    else rows.push({ action: "create", row: pledge.row, pledge });
  }

  for (let start = 0; start < matched.length; start += compareBatch) {
    const part = matched.slice(start, start + compareBatch);
    const stored = new Map((await snapshot.storedPledges(part.map((m) => m.id))).map((p) => [p.id, p]));
    for (const { pledge, id } of part) {
      const existing = stored.get(id);
      if (!existing) {
        errors.push({
          row: pledge.row,
          column: words.label(pledge.externalId ? "externalId" : "title"),
          message: words.say(invalid("row.deletedMeanwhile")),
        });
        continue;
      }
      const changed = changedFields(pledge, existing, snapshot);
      rows.push(
        changed.length === 0
          ? { action: "skip", row: pledge.row, reason: "already up to date" }
          : { action: "update", row: pledge.row, pledge, existing, changed },
      );
    }
  }

  rows.sort((a, b) => a.row - b.row);
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const count = (action: PlannedRow["action"]) => rows.filter((r) => r.action === action).length;
  return {
    rows,
    errors: errors.sort((a, b) => a.row - b.row),
    counts: { create: count("create"), update: count("update"), skip: count("skip"), invalid: invalidRows },
    matchedIds: [...matchedIds],
    corrections: corrected.applied,
    newStakeholders: [...newStakeholders.values()],
    warnings: [...kindsSaid].flatMap(([id, said]) => {
      const chosen = newStakeholders.get(id)!;
      if (said.size < 2 || chosen.basis === "named") return [];
      const rows = [...said]
        .map(([kind, row]) => invalid("row.saysKind", { row: String(row), kind }))
        .join(", ");
      return [words.say(invalid("row.kindsDisagree", { name: chosen.name, rows, chosen: chosen.kind }))];
    }),
    newConditions: [...newConditions.values()],
    newSources: [...newSources.values()],
  };
}
