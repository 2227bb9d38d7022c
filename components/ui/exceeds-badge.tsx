import { useTranslations } from "next-intl";

/** The flag on a delivery above the pledged ceiling: accepted, never silent. */
export function ExceedsBadge() {
  const t = useTranslations("common");
  return (
    <span
      className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
      data-testid="exceeds"
    >
      {t("exceeds")}
    </span>
  );
}
