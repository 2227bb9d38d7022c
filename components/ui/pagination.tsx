import { useTranslations } from "next-intl";
import Link from "next/link";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The URL of a page number, keeping the other parameters. */
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-blue-800 hover:bg-slate-50";
  return (
    <nav aria-label={t("pages")} className="no-print flex items-center justify-between gap-4 text-sm">
      <p aria-live="polite">{t("pageOf", { page: Math.min(page, pages), pages })}</p>
      <div className="flex gap-2">
        {page > 1 && (
          <Link href={hrefFor(Math.min(page - 1, pages))} className={link} rel="prev">
            {t("previous")}
          </Link>
        )}
        {page < pages && (
          <Link href={hrefFor(page + 1)} className={link} rel="next">
            {t("next")}
          </Link>
        )}
      </div>
    </nav>
  );
}
