import { useTranslations } from "next-intl";
import Link from "next/link";

/** How many rows a page shows, as links (they work before the page's script has loaded). */
export function PageSizes({
  sizes,
  current,
  path,
  query,
  label,
}: {
  sizes: readonly number[];
  current: number;
  path: string;
  query: string;
  /** What the choice is called: "Pledges per page". */
  label: string;
}) {
  const t = useTranslations("common");
  const hrefFor = (size: number) => {
    const params = new URLSearchParams(query);
    params.delete("page");
    if (size === sizes[0]) params.delete("pageSize");
    else params.set("pageSize", String(size));
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return (
    <nav aria-label={label} className="no-print flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{t("perPage")}</span>
      {sizes.map((size) =>
        size === current ? (
          <span
            key={size}
            aria-current="page"
            className="rounded bg-slate-800 px-2 py-0.5 font-semibold text-white"
          >
            {size}
          </span>
        ) : (
          <Link key={size} href={hrefFor(size)} className="link px-1">
            {size}
          </Link>
        ),
      )}
    </nav>
  );
}
