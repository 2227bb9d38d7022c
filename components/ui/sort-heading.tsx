import { useTranslations } from "next-intl";
import Link from "next/link";

export const ariaSort = { asc: "ascending", desc: "descending" } as const;

/** A sortable column's heading: a link to the list in the order it offers next, saying which. */
export function SortHeading({
  label,
  sorted,
  next,
  href,
}: {
  label: string;
  /** How the list is sorted by this column now, if it is. */
  sorted: "asc" | "desc" | false;
  next: "asc" | "desc";
  href: string;
}) {
  const t = useTranslations("common");
  return (
    <Link
      href={href}
      scroll={false}
      className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
    >
      {label}
      <span className="sr-only">{t(next === "asc" ? "sortAscending" : "sortDescending")}</span>
      <span aria-hidden="true" className={sorted ? "text-slate-900" : "text-slate-400"}>
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
      </span>
    </Link>
  );
}

/** A list's address in another order, from its first page, keeping its other parameters. */
export function orderedHref(
  { path, query }: { path: string; query: string },
  order: { key: string; dir: "asc" | "desc" },
): string {
  const params = new URLSearchParams(query);
  for (const key of ["sort", "dir", "page"]) params.delete(key);
  params.set("sort", order.key);
  params.set("dir", order.dir);
  return `${path}?${params.toString()}`;
}
