import { useTranslations } from "next-intl";
import Link from "next/link";
import { FilterDate, FilterSelect, type Option } from "@/components/ui/filter-fields";
import { KnownAtField } from "@/components/ui/known-at-field";
import { effectiveStatuses, pledgeCategories, pledgeStatuses } from "@/lib/rules/vocabulary";
import type { PledgeFilters } from "../schemas";

interface PledgeFilterFormProps {
  /** The filters as parsed, or null when the URL's filters were invalid. */
  filters: PledgeFilters | null;
  stakeholders: { slug: string; name: string }[];
  conditions: { slug: string; title: string }[];
}

function CheckboxGroup({
  legend,
  name,
  options,
  checked,
}: {
  legend: string;
  name: string;
  options: Option[];
  checked: readonly string[];
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              className="size-4 accent-blue-700"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const field = "w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1.5 font-normal";

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function PledgeFilterForm({ filters, stakeholders, conditions }: PledgeFilterFormProps) {
  const t = useTranslations("pledges.filters");
  const words = useTranslations("vocabulary");
  return (
    <form
      method="get"
      action="/pledges"
      role="search"
      aria-label={t("label")}
      className="no-print space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 lg:col-span-2">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={filters?.q ?? ""}
            maxLength={200}
            placeholder={t("searchPlaceholder")}
            className={field}
          />
        </label>
        <FilterSelect
          anyLabel={t("any")}
          className={field}
          label={t("stakeholder")}
          name="stakeholder"
          value={filters?.stakeholder[0]}
          options={stakeholders.map((s) => ({ value: s.slug, label: s.name }))}
        />
        <FilterSelect
          anyLabel={t("any")}
          className={field}
          label={t("condition")}
          name="condition"
          value={filters?.condition[0]}
          options={conditions.map((c) => ({ value: c.slug, label: c.title }))}
        />
      </div>
      <CheckboxGroup
        legend={t("effective")}
        name="effective"
        checked={filters?.effective ?? []}
        options={effectiveStatuses.map((value) => ({ value, label: words(`pledgeStatus.${value}`) }))}
      />
      <CheckboxGroup
        legend={t("lifecycle")}
        name="status"
        checked={filters?.status ?? []}
        options={pledgeStatuses.map((value) => ({ value, label: words(`pledgeStatus.${value}`) }))}
      />
      <CheckboxGroup
        legend={t("category")}
        name="category"
        checked={filters?.category ?? []}
        options={pledgeCategories.map((value) => ({ value, label: words(`category.${value}`) }))}
      />
      <div className="flex flex-wrap items-end gap-4">
        <FilterDate label={t("from")} name="from" value={filters?.from} className={field} />
        <FilterDate label={t("to")} name="to" value={filters?.to} className={field} />
        <FilterDate label={t("asOf")} name="asOf" value={filters?.asOf} className={field} />
        <KnownAtField value={filters?.knownAt} className={field} />
        {filters?.assume.map((slug) => (
          <input key={slug} type="hidden" name="assume" value={slug} />
        ))}
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("apply")}
        </button>
        <Link href="/pledges" className="py-2 text-sm text-blue-800 underline underline-offset-4">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
