import { isoDay } from "@/lib/format";

// The fields of filter forms: GET forms whose values live in the URL, so a view can be shared.

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; `anyLabel` adds an empty first choice that leaves the filter off. */
export function FilterSelect({
  label,
  name,
  options,
  value,
  anyLabel,
  className,
}: {
  label: string;
  name: string;
  options: readonly Option[];
  value: string | undefined;
  anyLabel?: string;
  className: string;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={className}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled date (a whole UTC day). */
export function FilterDate({
  label,
  name,
  value,
  className,
}: {
  label: string;
  name: string;
  value: Date | undefined;
  className: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <input type="date" name={name} defaultValue={value ? isoDay(value) : ""} className={className} />
    </label>
  );
}
