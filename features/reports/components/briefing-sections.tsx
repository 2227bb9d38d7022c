import { useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";
import type { PledgeListItem } from "@/features/pledges";
import { formatDate, formatPledgeQuantity, fullStop } from "@/lib/format";
import { effectiveStatuses } from "@/lib/rules/vocabulary";
import { isWebAddress } from "@/lib/web-address";
import type { ChangeLines } from "@/features/changes";
import {
  ChangeFiguresTable,
  ConditionChangeList,
  DeletedPledgeList,
  PledgeChangeList,
} from "@/features/changes/components/change-sections";
import { codeTag } from "@/components/ui/rich-tags";

// The briefing's own sections, laid out for paper: each a titled block that keeps together where it
// can, its tables with headers (a reader of the PDF sees exactly what the page shows).

const section = "rounded-lg border border-slate-200 bg-white p-3 text-sm";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={section} data-testid={id}>
      <h2 id={`${id}-heading`} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The briefing in one paragraph (lib/rules/briefing.ts). */
export function BriefingSummary({ text }: { text: string }) {
  const t = useTranslations("briefing");
  return (
    <Section id="briefing-summary" title={t("inBrief")}>
      <p className="text-base leading-relaxed">{text}</p>
    </Section>
  );
}

/**
 * What changed since a chosen date (features/changes, as /changes shows it): the figures then and
 * now, the conditions that moved and what they released, the pledges that moved, largest first.
 */
export function ChangesSincePanel({
  since,
  until,
  lines,
  moved,
  movedIn,
  allChangesHref,
  unitLabel,
}: {
  since: Date;
  until: Date;
  lines: ChangeLines;
  /** How many pledges moved in all (lines.pledges stops at the briefing's limit). */
  moved: number;
  /** How they moved: "9 added, 2 withdrawn". */
  movedIn: string;
  allChangesHref: string;
  unitLabel: string;
}) {
  const t = useTranslations("briefing");
  const locale = useLocale();
  const day = (date: Date) => formatDate(date, locale);
  return (
    <Section id="changes-since" title={t("changesSince", { date: day(since) })}>
      <p className="mb-2 text-slate-700">
        {t.rich("changesRange", {
          since: day(since),
          until: day(until),
          code: codeTag,
        })}
      </p>
      <ChangeFiguresTable
        lines={lines.figures}
        startLabel={t("atStart", { date: day(since) })}
        endLabel={t("now")}
      />
      <h3 className="mt-3 font-semibold">{t("conditionsCount", { count: lines.conditions.length })}</h3>
      <ConditionChangeList conditions={lines.conditions} />
      <h3 className="mt-3 font-semibold">
        {movedIn ? t("pledgesMovedIn", { count: moved, how: movedIn }) : t("pledgesMoved", { count: moved })}
      </h3>
      <PledgeChangeList pledges={lines.pledges} unitLabel={unitLabel} />
      {moved > lines.pledges.length && (
        <p className="mt-1 text-slate-700">
          {t.rich("largestOf", {
            listed: lines.pledges.length,
            moved,
            link: (chunks) => (
              <a href={allChangesHref} className="link">
                {chunks}
              </a>
            ),
          })}
        </p>
      )}
      {lines.deleted.length > 0 && (
        <>
          <h3 className="mt-3 font-semibold">{t("deletedCount", { count: lines.deleted.length })}</h3>
          <DeletedPledgeList deleted={lines.deleted} />
        </>
      )}
    </Section>
  );
}

/**
 * The view's pledges by effective status, each with who carries it, what it promises and its
 * conditions; `counts` are the view's own (summary.byEffectiveStatus), however many are listed.
 */
export function PledgesByStatusList({
  pledges,
  total,
  counts,
}: {
  pledges: PledgeListItem[];
  total: number;
  counts: ReadonlyMap<string, number>;
}) {
  const t = useTranslations("briefing");
  const vocabulary = useTranslations("vocabulary");
  const locale = useLocale();
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const groups = effectiveStatuses
    .map((status) => ({ status, items: pledges.filter((pledge) => pledge.effective.status === status) }))
    .filter(({ status }) => (counts.get(status) ?? 0) > 0);
  return (
    <Section id="pledges-by-status" title={t("byStatus")}>
      {groups.length === 0 && <p className="text-slate-700">{t("noneSelected")}</p>}
      {groups.map(({ status, items }) => (
        <Fragment key={status}>
          <h3 className="mt-3 font-semibold first:mt-0">
            {items.length < (counts.get(status) ?? 0)
              ? t("statusListed", {
                  status: vocabulary(`pledgeStatus.${status}`),
                  count: counts.get(status) ?? 0,
                  listed: items.length,
                })
              : t("statusCount", {
                  status: vocabulary(`pledgeStatus.${status}`),
                  count: counts.get(status) ?? 0,
                })}
          </h3>
          {/* Fixed columns, so that the tables of every status line up. */}
          {items.length > 0 && (
            <table className="w-full table-fixed text-left">
              <caption className="sr-only">
                {t("statusCaption", { status: vocabulary(`pledgeStatus.${status}`) })}
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="w-[45%] py-1 pr-2">
                    {t("pledge")}
                  </th>
                  <th scope="col" className="w-[20%] py-1 pr-2">
                    {t("promises")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("conditions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((pledge) => (
                  <tr key={pledge.id} className="border-b border-slate-100 align-top break-inside-avoid">
                    <td className="py-1 pr-2">
                      <a href={`/pledges/${pledge.id}`} className="link">
                        {pledge.title}
                      </a>
                      <span className="block text-xs text-slate-600">
                        {pledge.stakeholders
                          .map((s) =>
                            t("withState", { name: s.name, state: lower(vocabulary(`role.${s.role}`)) }),
                          )
                          .join("; ")}
                      </span>
                    </td>
                    <td className="py-1 pr-2">
                      {formatPledgeQuantity(pledge.quantity, locale) ?? t("noAmount")}
                    </td>
                    <td className="py-1">
                      {pledge.conditions.length === 0
                        ? t("none")
                        : pledge.conditions
                            .map((c) =>
                              t("withState", {
                                name: c.title,
                                state: lower(vocabulary(`conditionStatus.${c.status}`)),
                              }),
                            )
                            .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Fragment>
      ))}
      {total > pledges.length && (
        <p className="mt-2 text-slate-700">{t("listedOf", { listed: pledges.length, total })}</p>
      )}
    </Section>
  );
}

/** A full stop after `text`, unless it ends in one already (a Ukrainian date ends "р."). */
interface Reference {
  number: number;
  slug: string;
  title: string;
  publisher: string | null;
  publishedOn: Date | null;
  url: string | null;
  quotes: string[];
}

/**
 * The sources as a reference list: title, publisher, date and address, and the quotes the figures
 * rest on. A source with no web address of its own is given its page in the app, in full.
 */
export function ReferenceList({ references }: { references: Reference[] }) {
  const t = useTranslations("briefing");
  const common = useTranslations("common");
  const locale = useLocale();
  return (
    <Section id="references" title={t("references")}>
      {references.length === 0 && <p className="text-slate-700">{t("noSource")}</p>}
      <ol className="space-y-2">
        {references.map((reference) => (
          <li key={reference.slug} id={`reference-${reference.number}`} className="break-inside-avoid">
            <span className="font-medium">{common("reference", { number: reference.number })}</span>{" "}
            {fullStop(reference.title)} {reference.publisher ?? t("noPublisher")},{" "}
            {fullStop(reference.publishedOn ? formatDate(reference.publishedOn, locale) : t("noDate"))}{" "}
            {reference.url && isWebAddress(reference.url) ? (
              <a href={reference.url} className="link [overflow-wrap:anywhere]" rel="noreferrer noopener">
                {reference.url}
              </a>
            ) : (
              t.rich("heldAt", {
                path: `/sources/${reference.slug}`,
                link: (chunks) => (
                  <a
                    href={`/sources/${reference.slug}`}
                    className="link [overflow-wrap:anywhere]"
                    data-href-text=""
                  >
                    {chunks}
                  </a>
                ),
              })
            )}
            {reference.quotes.map((quote) => (
              <blockquote key={quote} className="mt-1 border-l-4 border-slate-300 pl-3 text-slate-800 italic">
                {common("quoted", { text: quote })}
              </blockquote>
            ))}
          </li>
        ))}
      </ol>
    </Section>
  );
}

interface CitedRecord {
  citations: {
    quote: string;
    source: {
      slug?: string;
      title: string;
      publisher: string | null;
      publishedOn: Date | null;
      url: string | null;
    };
  }[];
}

/** The sources the records cite, numbered in the order they are first cited, with their quotes. */
export function referencesOf(records: readonly CitedRecord[]): Reference[] {
  const bySlug = new Map<string, Reference>();
  for (const { citations } of records) {
    for (const { quote, source } of citations) {
      const slug = source.slug ?? source.title;
      let reference = bySlug.get(slug);
      if (!reference) {
        const { title, publisher, publishedOn, url } = source;
        reference = { number: bySlug.size + 1, slug, title, publisher, publishedOn, url, quotes: [] };
        bySlug.set(slug, reference);
      }
      if (quote && !reference.quotes.includes(quote)) reference.quotes.push(quote);
    }
  }
  return [...bySlug.values()];
}
