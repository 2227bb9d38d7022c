// Turns a pledge's quantities as written into stored minor units, given the unit they are in.
import { pledgeShapeProblems } from "@/lib/rules/pledge-rules";
import { AmountParseError, amountText, parseAmount, toDecimal } from "@/lib/rules/units";
import { list, single, stakeholderLinks, type FormValues } from "@/features/forms/form-values";
import { invalid } from "@/lib/validation-message";

export type QuantityText = {
  quantityUnit?: string | null;
  quantityLow?: string | null;
  quantityHigh?: string | null;
  deliveredQuantity?: string | null;
};

export type StoredQuantities = {
  quantityUnit: string | null;
  quantityLow: bigint | null;
  quantityHigh: bigint | null;
  deliveredQuantity: bigint | null;
};

const labels = {
  quantityLow: "lowest quantity",
  quantityHigh: "highest quantity",
  deliveredQuantity: "delivered quantity",
} as const;

/**
 * The stored quantities after an edit. Fields the edit leaves out keep their value (re-read in
 * the possibly new unit); a single value is stored as low = high; amounts need a unit.
 */
export function resolveQuantities(
  changes: QuantityText,
  current: StoredQuantities | null,
): { ok: true; data: StoredQuantities } | { ok: false; errors: Record<string, string> } {
  const unit = changes.quantityUnit !== undefined ? changes.quantityUnit : (current?.quantityUnit ?? null);
  const textOf = (field: keyof typeof labels): string | null => {
    const given = changes[field];
    if (given !== undefined) return given;
    const stored = current?.[field];
    return stored == null || !current?.quantityUnit ? null : toDecimal(stored, current.quantityUnit);
  };
  const errors: Record<string, string> = {};
  const parsed: Partial<Record<keyof typeof labels, bigint | null>> = {};
  for (const field of Object.keys(labels) as (keyof typeof labels)[]) {
    const written = textOf(field);
    if (written === null) {
      parsed[field] = null;
      continue;
    }
    if (!unit) {
      errors.quantityUnit = invalid("giveUnitOf", { what: labels[field] });
      continue;
    }
    try {
      parsed[field] = parseAmount(written, unit);
    } catch (error) {
      if (!(error instanceof AmountParseError)) throw error;
      errors[field] = `${invalid("labelled", { what: labels[field] })} ${error.message}`;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const low = parsed.quantityLow ?? null;
  let high = parsed.quantityHigh ?? null;
  if (low !== null && high === null) high = low;
  const problems = pledgeShapeProblems({ quantityLow: low, quantityHigh: high });
  if (Object.keys(problems).length) return { ok: false, errors: problems };
  return {
    ok: true,
    data: {
      quantityUnit: unit,
      quantityLow: low,
      quantityHigh: high,
      deliveredQuantity: parsed.deliveredQuantity ?? null,
    },
  };
}

/** A stored pledge as the edit form's text: amounts in major units, dates as YYYY-MM-DD. */
export function pledgeFormText(
  pledge: StoredQuantities & {
    title: string;
    description: string | null;
    category: string;
    quantityQualifier: string;
    announcedOn: Date;
    announcedPrecision: string;
    dueOn: Date | null;
    scope: string | null;
    externalId: string | null;
  },
): Record<string, string> {
  const unit = pledge.quantityUnit ?? "";
  const amount = (minor: bigint | null) => (minor === null ? "" : toDecimal(minor, unit));
  return {
    title: pledge.title,
    description: pledge.description ?? "",
    category: pledge.category,
    quantityUnit: unit,
    quantityLow: amount(pledge.quantityLow),
    quantityHigh: pledge.quantityHigh === pledge.quantityLow ? "" : amount(pledge.quantityHigh),
    quantityQualifier: pledge.quantityQualifier,
    deliveredQuantity: amount(pledge.deliveredQuantity),
    announcedOn: pledge.announcedOn.toISOString().slice(0, 10),
    announcedPrecision: pledge.announcedPrecision,
    dueOn: pledge.dueOn ? pledge.dueOn.toISOString().slice(0, 10) : "",
    scope: pledge.scope ?? "",
    externalId: pledge.externalId ?? "",
  };
}

/** The delivered total after a delivery of `text` (in the pledge's unit) on top of what was delivered. */
export function addedDelivery(
  text: string,
  pledge: { quantityUnit: string | null; deliveredQuantity: bigint | null },
): { ok: true; total: string } | { ok: false; message: string } {
  if (!pledge.quantityUnit) {
    return { ok: false, message: invalid("noUnitForDelivery") };
  }
  try {
    const added = parseAmount(amountText(text), pledge.quantityUnit);
    if (added <= 0n) return { ok: false, message: invalid("deliveryAboveZero") };
    return { ok: true, total: toDecimal((pledge.deliveredQuantity ?? 0n) + added, pledge.quantityUnit) };
  } catch (error) {
    if (error instanceof AmountParseError) return { ok: false, message: error.message };
    throw error;
  }
}

/** A pledge form's values as the pledge schemas read them (the server's action and the form's own checks). */
export function pledgeFormInput(values: FormValues) {
  const text = (key: string) => single(values, key) ?? "";
  return {
    title: text("title"),
    description: text("description"),
    category: text("category"),
    quantityUnit: text("quantityUnit"),
    quantityLow: text("quantityLow"),
    quantityHigh: text("quantityHigh"),
    quantityQualifier: text("quantityQualifier"),
    deliveredQuantity: text("deliveredQuantity"),
    announcedOn: text("announcedOn"),
    announcedPrecision: text("announcedPrecision") || "day",
    dueOn: text("dueOn"),
    scope: text("scope"),
    externalId: text("externalId"),
    stakeholders: stakeholderLinks(values),
    conditionIds: list(values, "conditionIds"),
  };
}
