import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { feedAlternates } from "@/features/changes/schemas";
import { canonicalFilter } from "@/features/watches/schemas";
import { WatchControl } from "@/features/watches/components/watch-control";
import { Pagination } from "@/components/ui/pagination";
import { ParamErrors } from "@/components/ui/param-errors";
import { ExportLinks } from "@/features/reports/components/export-links";
import { figureParams, loadListTotals } from "@/features/figures";
import { ListTotals } from "@/features/pledges/components/list-totals";
import { PageSizes } from "@/components/ui/page-sizes";
import { PledgeFilterForm } from "@/features/pledges/components/pledge-filter-form";
import { PledgeTable } from "@/features/pledges/components/pledge-table";
import { listFilterOptions, listPledges } from "@/features/pledges/queries";
import { pledgeFiltersSchema, pledgeQueryOf } from "@/features/pledges/schemas";
import { parseSearchParams, pathWithQuery } from "@/lib/search-params";
import { describeViewTime } from "@/lib/view-time-words";
import { listPageSizes } from "@/features/pledges";
import { roleAllows } from "@/lib/access";
import { requirePagePermission } from "@/server/access";
import { linkTag } from "@/components/ui/rich-tags";

export const dynamic = "force-dynamic";
/** The list, and the feed of what changed in the pledges its filters pick. */
export async function generateMetadata({ searchParams }: PageProps<"/pledges">): Promise<Metadata> {
  const t = await getTranslations("pledges");
  return {
    title: t("title"),
    alternates: feedAlternates(await searchParams, t("feedTitle")),
  };
}

/** The list's query string without its page (for other pages, and for the exports). */
function withoutPage(params: Record<string, string | string[] | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== "") query.append(key, item);
  }
  return query;
}

/** The exports take the list's filters, date and scenario; anything else would be refused. */
function exportQuery(params: Record<string, string | string[] | undefined>) {
  const query = withoutPage(params);
  for (const key of [...query.keys()]) if (!(key in figureParams.shape)) query.delete(key);
  return query.toString();
}

function withPage(params: Record<string, string | string[] | undefined>, page: number): string {
  const query = withoutPage(params);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/pledges?${text}` : "/pledges";
}

export default async function PledgesPage({ searchParams }: PageProps<"/pledges">) {
  const params = await searchParams;
  const principal = await requirePagePermission("read", pathWithQuery("/pledges", params));
  const canEdit = principal ? roleAllows(principal.role, "edit") : false;
  const parsed = parseSearchParams(pledgeFiltersSchema, params);
  const [t, locale] = await Promise.all([getTranslations("pledges"), getLocale()]);
  const query = parsed.ok ? pledgeQueryOf(parsed.data) : null;
  const [options, result, totals] = await Promise.all([
    listFilterOptions(),
    query ? listPledges(query) : Promise.resolve(null),
    query ? loadListTotals(query.selection, query.time) : Promise.resolve([]),
  ]);
  const listQuery = withoutPage(params).toString();
  // Whether anything narrows the list (its order and page size do not).
  const filtered = [...new URLSearchParams(listQuery).keys()].some(
    (key) => !["sort", "dir", "pageSize"].includes(key),
  );

  const viewTime = parsed.ok ? describeViewTime(parsed.data, locale) : null;
  // The list's filters, as a watch follows them (its time, order and scenario are not watched).
  const canonical = parsed.ok ? canonicalFilter(listQuery) : null;
  const watchTarget = canonical && "target" in canonical ? canonical.target : null;

  return (
    // The table's words (a client component's) go to the browser with the page.
    <ClientMessages namespaces={["pledges"]}>
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">
            {t("intro")}
            {viewTime && (
              <strong className="font-medium">
                {" "}
                {t(parsed.ok && parsed.data.asOf ? "viewTimeAnnounced" : "viewTimeHeld", { viewTime })}
              </strong>
            )}
          </p>
        </div>
        <PledgeFilterForm filters={parsed.ok ? parsed.data : null} {...options} />
        {watchTarget !== null && (
          <div className="no-print">
            <WatchControl
              subject="filter"
              target={watchTarget}
              what={watchTarget ? t("watchFiltered") : t("watchEvery")}
              returnTo={`/pledges${listQuery ? `?${listQuery}` : ""}`}
            />
          </div>
        )}
        {!parsed.ok && <ParamErrors errors={parsed.errors} resetHref="/pledges" />}
        {result && (
          <section aria-labelledby="results-heading" className="space-y-3">
            <h2 id="results-heading" className="text-sm font-medium text-slate-700" aria-live="polite">
              {t("count", { count: result.total })}
              <span className="font-normal text-slate-600">
                {" "}
                {t("sortedBy", {
                  column: t(`sort.${query!.order.key}`).toLocaleLowerCase(locale),
                  direction: t(query!.order.dir === "asc" ? "ascending" : "descending"),
                })}
              </span>
            </h2>
            <ExportLinks query={exportQuery(params)} />
            <ListTotals totals={totals} />
            {result.rows.length > 0 ? (
              <PledgeTable
                rows={result.rows}
                sorting={{ order: query!.order, path: "/pledges", query: listQuery }}
                canEdit={canEdit}
              />
            ) : (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700">
                {result.total > 0
                  ? t.rich("noneOnPage", { link: linkTag(withPage(params, 1)) })
                  : filtered
                    ? t.rich(canEdit ? "noMatchEdit" : "noMatch", {
                        clear: linkTag("/pledges"),
                        add: linkTag("/pledges/new"),
                      })
                    : canEdit
                      ? t.rich("noneYet", { add: linkTag("/pledges/new"), import: linkTag("/import") })
                      : t("noneYetRead")}
              </p>
            )}
            <Pagination
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              hrefFor={(page) => withPage(params, page)}
            />
            <PageSizes
              sizes={listPageSizes}
              label={t("perPage")}
              current={result.pageSize}
              path="/pledges"
              query={listQuery}
            />
          </section>
        )}
      </div>
    </ClientMessages>
  );
}
