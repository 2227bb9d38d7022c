"use client";

import { useContext, useState } from "react";
import { parseDate, type CalendarDate } from "@internationalized/date";
import {
  DateField,
  DateFieldStateContext,
  DateInput,
  DateSegment,
  I18nProvider,
  Label,
  Text,
} from "react-aria-components";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/format";
import { intlLocale } from "@/lib/rules/units";
import { useFieldError } from "./form-help";

function dayOf(iso: string | undefined): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/**
 * A day typed as day / month / year (React Aria's date field: one segment each, arrow keys step
 * them), submitted as YYYY-MM-DD under `name` as the server expects. Below it, the day as the app
 * writes it, so that 01/03 is seen to be March; a date typed halfway is said to be incomplete
 * rather than silently sent as none.
 */
export function DayField({
  name,
  label,
  hint,
  error: serverError,
  required,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  defaultValue?: string;
}) {
  const [value, setValue] = useState<CalendarDate | null>(() => dayOf(defaultValue));
  const id = `field-${name}`;
  const error = useFieldError(name, serverError);
  // Typed in the order the reader's language writes a day: day first in all three ("1 Mar 2026").
  return (
    <I18nProvider locale={intlLocale(useLocale())}>
      <DateField
        id={id}
        name={name}
        value={value}
        onChange={setValue}
        granularity="day"
        shouldForceLeadingZeros
        isInvalid={Boolean(error)}
        isRequired={required}
        // Required is said (aria-required); the server judges, as for every other field.
        validationBehavior="aria"
        className="space-y-1"
        data-field-name={name}
      >
        <div className="text-sm font-medium">
          <Label>{label}</Label>
          {required && <span aria-hidden="true"> *</span>}
        </div>
        <DateInput className="field flex w-full focus-within:outline-2 focus-within:outline-blue-800">
          {(segment) => (
            <DateSegment
              segment={segment}
              className="rounded px-0.5 tabular-nums outline-none focus:bg-blue-800 focus:text-white data-placeholder:text-slate-500"
            />
          )}
        </DateInput>
        <DayNotes id={id} hint={hint} error={error} value={value} />
      </DateField>
    </I18nProvider>
  );
}

/** The hint, the day in words (or that it is incomplete), and the server's error. */
function DayNotes({
  id,
  hint,
  error,
  value,
}: {
  id: string;
  hint?: string;
  error?: string;
  value: CalendarDate | null;
}) {
  const state = useContext(DateFieldStateContext);
  const editable = state?.segments.filter((segment) => segment.isEditable) ?? [];
  const typed = editable.filter((segment) => !segment.isPlaceholder).length;
  const partial = value === null && typed > 0 && typed < editable.length;
  const locale = useLocale();
  const t = useTranslations("forms");
  const inWords = value ? formatDate(value.toDate("UTC"), locale) : null;
  return (
    <>
      {(hint || inWords) && (
        <Text slot="description" className="note">
          {[inWords, hint].filter(Boolean).join(". ")}
        </Text>
      )}
      {error && (
        <Text slot="errorMessage" id={`${id}-error`} className="field-error">
          {error}
        </Text>
      )}
      {/* Spoken when it appears; a submission stops at it (form-help) rather than send no date. */}
      <p className="field-error" aria-live="polite" data-incomplete-day={partial || undefined}>
        {partial ? t("wholeDate") : ""}
      </p>
    </>
  );
}
