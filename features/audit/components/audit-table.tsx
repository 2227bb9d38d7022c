import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { ariaSort, orderedHref, SortHeading } from "@/components/ui/sort-heading";
import type { AuditLine } from "../audit-lines";
import { auditFirstDirection, type AuditSortKey } from "../schemas";

/** Where a record's page is, for the kinds that have one. */
function recordHref(line: AuditLine): string | null {
  if (line.entityType === "Pledge") return line.deleted ? null : `/pledges/${line.entityId}`;
  const kinds: Record<string, string> = {
    Condition: "condition",
    Stakeholder: "stakeholder",
    Source: "source",
    Requirement: "requirement",
    CapacityReference: "capacity",
  };
  return kinds[line.entityType] ? `/manage/${kinds[line.entityType]}/${line.entityId}` : null;
}

/** The trail's order and address, for headings that sort it (in the database: features/audit/queries.ts). */
type AuditSorting = { order: { key: AuditSortKey; dir: "asc" | "desc" }; path: string; query: string };

/** A column heading: a link to the trail in another order when the table is sortable. */
function Heading({
  label,
  sortKey,
  sorting,
}: {
  label: string;
  sortKey?: AuditSortKey;
  sorting?: AuditSorting;
}) {
  if (!sorting || !sortKey) return <th scope="col">{label}</th>;
  const sorted = sorting.order.key === sortKey ? sorting.order.dir : false;
  const next = sorted ? (sorted === "asc" ? "desc" : "asc") : auditFirstDirection[sortKey];
  return (
    <th scope="col" aria-sort={sorted ? ariaSort[sorted] : "none"}>
      <SortHeading
        label={label}
        sorted={sorted}
        next={next}
        href={orderedHref(sorting, { key: sortKey, dir: next })}
      />
    </th>
  );
}

/** Audit entries in words: when, who, what, on which record, and each field before → after. */
export function AuditTable({
  lines,
  showRecord = true,
  sorting,
}: {
  lines: AuditLine[];
  showRecord?: boolean;
  sorting?: AuditSorting;
}) {
  const t = useTranslations("audit");
  const locale = useLocale();
  return (
    <div
      className={
        sorting ? "max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white" : undefined
      }
    >
      <table className="data-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className={sorting ? "sticky top-0 z-10 bg-slate-50 shadow-[0_1px_0_#e2e8f0]" : undefined}>
          <tr>
            <Heading label={t("when")} sortKey="when" sorting={sorting} />
            <Heading label={t("who")} sortKey="who" sorting={sorting} />
            <Heading label={t("change")} />
            {showRecord && <Heading label={t("record")} sortKey="record" sorting={sorting} />}
            <Heading label={t("whatChanged")} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const href = recordHref(line);
            return (
              <tr key={line.id} data-testid="audit-line">
                <td className="whitespace-nowrap">{formatDateTime(line.at, locale)}</td>
                <td>{line.actor}</td>
                <td>{line.action}</td>
                {showRecord && (
                  <td>
                    <span className="note block">{t("entity", { entity: line.entityType })}</span>
                    {href ? (
                      <Link href={href} className="link">
                        {line.title}
                      </Link>
                    ) : (
                      line.title
                    )}
                  </td>
                )}
                <td>
                  {line.changes.length > 0 && (
                    <ul className="space-y-1">
                      {line.changes.map((change) => (
                        <li key={change.label}>
                          <span className="font-medium">{change.label}:</span> {change.before} →{" "}
                          {change.after}
                        </li>
                      ))}
                    </ul>
                  )}
                  {line.note && <p className="note">{line.note}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
