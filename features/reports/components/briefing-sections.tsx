import { Fragment } from "react";
import type { PledgeListItem } from "@/features/pledges";
import type { FigureChange } from "@/lib/rules/briefing";
import { formatDate, formatDateAt, formatPledgeQuantity } from "@/lib/format";
import type { DatePrecision } from "@/lib/rules/vocabulary";
import {
  conditionStatusLabels,
  effectiveStatuses,
  effectiveStatusLabels,
  roleLabels,
} from "@/lib/rules/vocabulary";
import { isWebAddress } from "@/lib/web-address";
import { subjectTransition } from "@/lib/status-change";
import type { ChangesSince } from "../queries";

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
  return (
    <Section id="briefing-summary" title="In brief">
      <p className="text-base leading-relaxed">{text}</p>
    </Section>
  );
}

/** What changed since a chosen date: the figures then and now, the pledges announced, the status changes. */
export function ChangesSincePanel({
  since,
  until,
  figures,
  changes,
}: {
  since: Date;
  until: Date;
  figures: FigureChange[];
  changes: ChangesSince;
}) {
  const { counts, withdrawn } = changes;
  // A list cut at its limit says so, and where to find the rest.
  const more = (shown: number, count: number, where: string) =>
    count > shown && (
      <p className="mt-1 text-slate-700">
        The {shown} latest of {count}: {where} lists them all.
      </p>
    );
  return (
    <Section id="changes-since" title={`What changed since ${formatDate(since)}`}>
      <p className="mb-2 text-slate-700">
        From {formatDate(since)} to {formatDate(until)}. Another starting date: add{" "}
        <code>since=YYYY-MM-DD</code> to the address.
      </p>
      <table className="w-full text-left">
        <caption className="sr-only">The figures at the start of {formatDate(since)} and now</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">
              Figure
            </th>
            <th scope="col" className="py-1 pr-2">
              At the start of {formatDate(since)}
            </th>
            <th scope="col" className="py-1 pr-2">
              Now
            </th>
            <th scope="col" className="py-1 text-right">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.map((row) => (
            <tr key={row.figure} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-2 font-medium">
                {row.figure}
              </th>
              <td className="py-1 pr-2">{row.before}</td>
              <td className="py-1 pr-2">{row.after}</td>
              <td className="py-1 text-right tabular-nums">{row.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mt-3 font-semibold">Pledges announced ({counts.added})</h3>
      {changes.added.length === 0 ? (
        <p className="text-slate-700">None.</p>
      ) : (
        <ul className="list-disc pl-5">
          {changes.added.map((pledge) => (
            <li key={pledge.id}>
              <a href={`/pledges/${pledge.id}`} className="link">
                {pledge.title}
              </a>
              , {formatDateAt(pledge.announcedOn, pledge.announcedPrecision as DatePrecision)}
            </li>
          ))}
        </ul>
      )}
      {more(changes.added.length, counts.added, "the pledge list, sorted by announcement")}
      <h3 className="mt-3 font-semibold">Withdrawn ({counts.withdrawn})</h3>
      {withdrawn.length === 0 ? (
        <p className="text-slate-700">None.</p>
      ) : (
        <ul className="list-disc pl-5">
          {withdrawn.map((change) => (
            <li key={change.id}>
              {change.pledgeTitle}, {formatDate(change.occurredAt)}
            </li>
          ))}
        </ul>
      )}
      {more(withdrawn.length, counts.withdrawn, "the workbook's Status history sheet")}
      <h3 className="mt-3 font-semibold">Status changes ({counts.statusChanges})</h3>
      {changes.statusChanges.length === 0 ? (
        <p className="text-slate-700">None.</p>
      ) : (
        <>
          <table className="w-full text-left">
            <caption className="sr-only">Status changes since {formatDate(since)}, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-2">
                  When
                </th>
                <th scope="col" className="py-1 pr-2">
                  What
                </th>
                <th scope="col" className="py-1">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.statusChanges.map((change) => {
                return (
                  <tr key={change.id} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-2 whitespace-nowrap">{formatDate(change.occurredAt)}</td>
                    <td className="py-1 pr-2">
                      {change.pledgeTitle ?? `Condition: ${change.conditionTitle}`}
                      {change.note && <span className="block text-xs text-slate-600">{change.note}</span>}
                    </td>
                    <td className="py-1">{subjectTransition(change)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {more(changes.statusChanges.length, counts.statusChanges, "the workbook's Status history sheet")}
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
  const groups = effectiveStatuses
    .map((status) => ({ status, items: pledges.filter((pledge) => pledge.effective.status === status) }))
    .filter(({ status }) => (counts.get(status) ?? 0) > 0);
  return (
    <Section id="pledges-by-status" title="The pledges, by status">
      {groups.length === 0 && <p className="text-slate-700">No pledge is selected.</p>}
      {groups.map(({ status, items }) => (
        <Fragment key={status}>
          <h3 className="mt-3 font-semibold first:mt-0">
            {effectiveStatusLabels[status]} ({counts.get(status)}
            {items.length < (counts.get(status) ?? 0) && `; ${items.length} listed here`})
          </h3>
          {/* Fixed columns, so that the tables of every status line up. */}
          {items.length > 0 && (
            <table className="w-full table-fixed text-left">
              <caption className="sr-only">{effectiveStatusLabels[status]} pledges</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="w-[45%] py-1 pr-2">
                    Pledge
                  </th>
                  <th scope="col" className="w-[20%] py-1 pr-2">
                    Promises
                  </th>
                  <th scope="col" className="py-1">
                    Conditions
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
                          .map((s) => `${s.name} (${roleLabels[s.role].toLowerCase()})`)
                          .join("; ")}
                      </span>
                    </td>
                    <td className="py-1 pr-2">
                      {formatPledgeQuantity(pledge.quantity) ?? "No amount stated"}
                    </td>
                    <td className="py-1">
                      {pledge.conditions.length === 0
                        ? "None"
                        : pledge.conditions
                            .map((c) => `${c.title} (${conditionStatusLabels[c.status].toLowerCase()})`)
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
        <p className="mt-2 text-slate-700">
          {pledges.length} of {total} pledges are listed here: the workbook and the CSV list every one.
        </p>
      )}
    </Section>
  );
}

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
  return (
    <Section id="references" title="References">
      {references.length === 0 && <p className="text-slate-700">No source is cited for these figures.</p>}
      <ol className="space-y-2">
        {references.map((reference) => (
          <li key={reference.slug} id={`reference-${reference.number}`} className="break-inside-avoid">
            <span className="font-medium">[{reference.number}]</span> {reference.title}.{" "}
            {reference.publisher ?? "Publisher not recorded"},{" "}
            {reference.publishedOn ? formatDate(reference.publishedOn) : "date not recorded"}.{" "}
            {reference.url && isWebAddress(reference.url) ? (
              <a href={reference.url} className="link [overflow-wrap:anywhere]" rel="noreferrer noopener">
                {reference.url}
              </a>
            ) : (
              <>
                No web address recorded; held in Pledgewatch at{" "}
                <a
                  href={`/sources/${reference.slug}`}
                  className="link [overflow-wrap:anywhere]"
                  data-href-text=""
                >
                  /sources/{reference.slug}
                </a>
                .
              </>
            )}
            {reference.quotes.map((quote) => (
              <blockquote key={quote} className="mt-1 border-l-4 border-slate-300 pl-3 text-slate-800 italic">
                “{quote}”
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
