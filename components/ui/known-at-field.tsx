import { useTranslations } from "next-intl";

/** "As known at": a date and time in UTC, sent as `knownAt` (the view time of lib/view-time.ts). */
export function KnownAtField({ value, className }: { value: Date | undefined; className: string }) {
  const t = useTranslations("common");
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {t("knownAt")}
      <input
        type="datetime-local"
        name="knownAt"
        step={1}
        defaultValue={value ? value.toISOString().slice(0, 19) : ""}
        aria-describedby="known-at-help"
        className={className}
      />
      <span id="known-at-help" className="text-xs font-normal text-slate-600">
        {t("knownAtHelp")}
      </span>
    </label>
  );
}
