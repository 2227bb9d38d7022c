import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { linkTag } from "@/components/ui/rich-tags";
import { FilterDate, FilterSelect } from "@/components/ui/filter-fields";
import { Pagination } from "@/components/ui/pagination";
import { ParamErrors } from "@/components/ui/param-errors";
import { AuditTable } from "@/features/audit/components/audit-table";
import { accountEntities, auditActors, listAudit } from "@/features/audit/queries";
import { auditedEntities, auditFiltersSchema, auditFirstDirection } from "@/features/audit/schemas";
import { PageSizes } from "@/components/ui/page-sizes";
import { listPageSizes } from "@/features/pledges";
import { parseSearchParams, pathWithQuery, type RawSearchParams } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}
export const dynamic = "force-dynamic";

/** The page's query without `page`, for the CSV link and the page links. */
function queryOf(params: RawSearchParams, page?: number) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page") continue;
    for (const item of Array.isArray(value) ? value : value ? [value] : []) if (item) query.append(key, item);
  }
  if (page && page > 1) query.set("page", String(page));
  return query.toString();
}

export default async function AuditPage({ searchParams }: PageProps<"/audit">) {
  const params = await searchParams;
  const principal = await requirePagePermission("edit", pathWithQuery("/audit", params));
  // Accounts and tokens are for admins; analysts see every other record's trail.
  const reader = { seesAccounts: principal?.role === "admin" };
  const parsed = parseSearchParams(auditFiltersSchema, params);
  const [actors, result, t] = await Promise.all([
    auditActors(reader),
    parsed.ok ? listAudit(parsed.data, reader, undefined, await getLocale()) : Promise.resolve(null),
    getTranslations("audit"),
  ]);
  const filters = parsed.ok ? parsed.data : null;
  const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const csv = queryOf(params);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      <form
        method="get"
        action="/audit"
        aria-label={t("filterLabel")}
        className="no-print flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <FilterSelect
          label={t("kind")}
          name="entity"
          value={filters?.entity}
          anyLabel={t("any")}
          className={field}
          options={auditedEntities
            .filter(
              (entity) => reader.seesAccounts || !(accountEntities as readonly string[]).includes(entity),
            )
            .map((entity) => ({ value: entity, label: t("entity", { entity }) }))}
        />
        <FilterSelect
          label={t("person")}
          name="actor"
          value={filters?.actor}
          anyLabel={t("anyone")}
          className={field}
          options={actors.map((actor) => ({ value: actor, label: actor }))}
        />
        <FilterDate label={t("from")} name="from" value={filters?.from} className={field} />
        <FilterDate label={t("to")} name="to" value={filters?.to} className={field} />
        {filters?.record && <input type="hidden" name="record" value={filters.record} />}
        {/* Filtering keeps the order and page size the trail is read in. */}
        {filters?.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters?.dir && <input type="hidden" name="dir" value={filters.dir} />}
        {filters?.pageSize && <input type="hidden" name="pageSize" value={filters.pageSize} />}
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          {t("filter")}
        </button>
        <Link href="/audit" className="py-2 text-sm text-blue-800 underline underline-offset-4">
          {t("everyChange")}
        </Link>
      </form>
      {!parsed.ok && <ParamErrors errors={parsed.errors} resetHref="/audit" />}
      {result && (
        <section aria-labelledby="audit-results" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="audit-results" className="text-sm font-medium text-slate-700" aria-live="polite">
              {filters?.record && result.rows[0]
                ? t("countTo", { count: result.total, title: result.rows[0].title })
                : t("count", { count: result.total })}
            </h2>
            <a href={`/api/v1/exports/audit.csv${csv ? `?${csv}` : ""}`} className="link text-sm" download>
              {t("download")}
            </a>
          </div>
          {result.rows.length > 0 ? (
            <AuditTable
              lines={result.rows}
              sorting={{
                order: {
                  key: filters?.sort ?? "when",
                  dir: filters?.dir ?? auditFirstDirection[filters?.sort ?? "when"],
                },
                path: "/audit",
                query: csv,
              }}
            />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
              {result.total > 0
                ? t.rich("noneOnPage", {
                    link: linkTag(`/audit${queryOf(params, 1) ? `?${queryOf(params, 1)}` : ""}`),
                  })
                : csv
                  ? t.rich("noMatch", { link: linkTag("/audit") })
                  : t("noneYet")}
            </p>
          )}
          <Pagination
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            hrefFor={(page) => `/audit${queryOf(params, page) ? `?${queryOf(params, page)}` : ""}`}
          />
          <PageSizes
            sizes={listPageSizes}
            label={t("perPage")}
            current={result.pageSize}
            path="/audit"
            query={csv}
          />
        </section>
      )}
    </div>
  );
}
