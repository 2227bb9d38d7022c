import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterDate } from "@/components/ui/filter-fields";
import { Pagination } from "@/components/ui/pagination";
import { ParamErrors } from "@/components/ui/param-errors";
import { changeLines, loadChangeEvents, loadChanges } from "@/features/changes";
import { changesPageSize, changesParams, feedAlternates } from "@/features/changes/schemas";
import {
  ChangeFiguresTable,
  ConditionChangeList,
  DeletedPledgeList,
  PledgeChangeList,
} from "@/features/changes/components/change-sections";
import { defaultMetric } from "@/features/figures/schemas";
import { formatDate, isoDay } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { knownAtWords } from "@/lib/view-time-words";
import { ParamsError, parseSearchParams, pathWithQuery, type RawSearchParams } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";
import { today } from "@/server/ledger";
import { linkTag } from "@/components/ui/rich-tags";

export async function generateMetadata({ searchParams }: PageProps<"/changes">): Promise<Metadata> {
  const t = await getTranslations("changesPage");
  return {
    title: t("title"),
    alternates: feedAlternates(await searchParams, t("feedTitle")),
  };
}
export const dynamic = "force-dynamic";

/** The last seven days, today one of them, when the address names no start: what a weekly briefing asks. */
const defaultDays = 7;

/** The page's address with `changes` to its query (undefined removes a parameter). */
function hrefWith(query: RawSearchParams, changes: Record<string, string | undefined>) {
  const next: RawSearchParams = { ...query, ...changes };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  return pathWithQuery("/changes", next);
}

export default async function ChangesPage({ searchParams }: PageProps<"/changes">) {
  const query = await searchParams;
  await requirePagePermission("read", pathWithQuery("/changes", query));
  const [t, briefing, locale] = await Promise.all([
    getTranslations("changesPage"),
    getTranslations("briefing"),
    getLocale(),
  ]);
  const day = (date: Date) => formatDate(date, locale);
  const until = today();
  const asked = { since: isoDay(new Date(until.getTime() - (defaultDays - 1) * 86_400_000)), ...query };
  const parsed = parseSearchParams(changesParams, asked);
  const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const form = (since?: Date, last?: Date) => (
    <form
      method="get"
      action="/changes"
      aria-label={t("choosePeriod")}
      className="no-print flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {/* A new period keeps the filters, the metric and the moment it is known at. */}
      {Object.entries(query).flatMap(([name, value]) =>
        ["since", "until", "page"].includes(name)
          ? []
          : (Array.isArray(value) ? value : value ? [value] : []).map((item, n) => (
              <input key={`${name}-${n}`} type="hidden" name={name} value={item} />
            )),
      )}
      <FilterDate label={t("from")} name="since" value={since} className={field} />
      <FilterDate label={t("to")} name="until" value={last} className={field} />
      <button
        type="submit"
        className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
      >
        {t("show")}
      </button>
    </form>
  );
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
    </div>
  );
  if (!parsed.ok) {
    return (
      <div className="space-y-5">
        {heading}
        {form()}
        <ParamErrors errors={parsed.errors} resetHref="/changes" />
      </div>
    );
  }
  const {
    since,
    until: last = until,
    knownAt,
    metric = defaultMetric,
    page = 1,
    pageSize = changesPageSize,
    ...selection
  } = parsed.data;
  let changes;
  try {
    changes = await loadChanges({ since, until: last, knownAt, metric, selection });
  } catch (error) {
    if (!(error instanceof ParamsError)) throw error;
    return (
      <div className="space-y-5">
        {heading}
        {form(since, last)}
        <ParamErrors errors={error.params} resetHref="/changes" />
      </div>
    );
  }
  const shown = changes.pledges.slice((page - 1) * pageSize, page * pageSize);
  const lines = changeLines(
    changes,
    {
      pledges: shown,
      ...(await loadChangeEvents(
        changes,
        shown.map((p) => p.id),
      )),
    },
    locale,
  );
  const period = { since: day(since), until: day(last) };
  // Only what the list of changes reads: another page's parameters (a briefing's asOf) stay behind.
  const own = Object.fromEntries(Object.keys(changesParams.shape).map((name) => [name, query[name]]));
  const api = pathWithQuery("/api/v1/changes", { ...own, since: isoDay(since), page: undefined });
  return (
    <div className="space-y-5">
      {heading}
      {form(since, last)}
      <section aria-labelledby="change-figures-heading" className="space-y-2">
        <h2 id="change-figures-heading" className="text-lg font-semibold">
          {knownAt
            ? t("figuresKnown", { ...period, knownAt: knownAtWords(knownAt, locale) })
            : t("figures", period)}
        </h2>
        <ChangeFiguresTable
          lines={lines.figures}
          startLabel={briefing("atStart", { date: day(since) })}
          endLabel={t("atEnd", { date: day(last) })}
        />
        <p className="text-sm">
          <a href={api} className="link">
            {t("json")}
          </a>
        </p>
      </section>
      <section aria-labelledby="condition-changes-heading" className="space-y-2">
        <h2 id="condition-changes-heading" className="text-lg font-semibold">
          {briefing("conditionsCount", { count: changes.conditions.length })}
        </h2>
        <ConditionChangeList conditions={lines.conditions} />
      </section>
      <section aria-labelledby="pledge-changes-heading" className="space-y-2">
        <h2 id="pledge-changes-heading" className="text-lg font-semibold" aria-live="polite">
          {t("moved", { count: changes.pledges.length })}
        </h2>
        {shown.length === 0 && changes.pledges.length > 0 ? (
          <p className="text-sm">
            {t.rich("noneOnPage", {
              link: linkTag(hrefWith(query, { page: undefined })),
            })}
          </p>
        ) : (
          <PledgeChangeList pledges={lines.pledges} unitLabel={unitWord(metric, undefined, locale)} />
        )}
        <Pagination
          page={page}
          pageSize={pageSize}
          total={changes.pledges.length}
          hrefFor={(n) => hrefWith(query, { page: n > 1 ? String(n) : undefined })}
        />
      </section>
      {lines.deleted.length > 0 && (
        <section aria-labelledby="deleted-heading" className="space-y-2">
          <h2 id="deleted-heading" className="text-lg font-semibold">
            {briefing("deletedCount", { count: lines.deleted.length })}
          </h2>
          <DeletedPledgeList deleted={lines.deleted} />
        </section>
      )}
    </div>
  );
}
