import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { SourceQuote } from "@/components/ui/source-quote";
import type { FigureChangeLine } from "@/lib/rules/changes";
import type { ConditionChangeLine, EventLine, PledgeChangeLine } from "../change-lines";
import { linkTag } from "@/components/ui/rich-tags";

// The list of changes, as /changes and the briefing show it: the figures at both ends, the
// conditions that moved and what they released, the pledges that moved with their evidence.

/** The headline figures at the start of the period and at its end, and how each moved. */
export function ChangeFiguresTable({
  lines,
  startLabel,
  endLabel,
}: {
  lines: FigureChangeLine[];
  startLabel: string;
  endLabel: string;
}) {
  const t = useTranslations("changes");
  const locale = useLocale();
  return (
    <table className="w-full text-left text-sm" data-testid="change-figures">
      <caption className="sr-only">
        {t("figuresCaption", {
          start: startLabel.toLocaleLowerCase(locale),
          end: endLabel.toLocaleLowerCase(locale),
        })}
      </caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-2">
            {t("figure")}
          </th>
          <th scope="col" className="py-1 pr-2">
            {startLabel}
          </th>
          <th scope="col" className="py-1 pr-2">
            {endLabel}
          </th>
          <th scope="col" className="py-1 text-right">
            {t("change")}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((row) => (
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
  );
}

/** Events in the period, each with when, what, why, who recorded it and its quoted evidence. */
function EventList({ events }: { events: EventLine[] }) {
  const t = useTranslations("changes");
  if (events.length === 0) return null;
  return (
    <ol className="mt-2 space-y-2">
      {events.map((event) => (
        <li key={event.key} className="text-sm">
          <p>
            {t.rich("event", {
              when: event.when,
              what: event.what,
              day: (chunks) => <span className="font-medium">{chunks}</span>,
            })}
            {event.note && <span className="text-slate-700"> — {event.note}</span>}
          </p>
          <p className="text-xs text-slate-600">{event.recorded}</p>
          {event.citations.length > 0 && (
            <div className="mt-1 space-y-1">
              {event.citations.map((citation) => (
                <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Each condition whose status moved, what that released or held back, and the evidence. */
export function ConditionChangeList({ conditions }: { conditions: ConditionChangeLine[] }) {
  const t = useTranslations("changes");
  if (conditions.length === 0) return <p className="text-sm text-slate-700">{t("noConditionChanged")}</p>;
  return (
    <ul className="space-y-3" data-testid="condition-changes">
      {conditions.map((condition) => (
        <li key={condition.id} className="rounded border border-slate-200 p-3">
          <p className="font-medium">{condition.summary}</p>
          <EventList events={condition.events} />
        </li>
      ))}
    </ul>
  );
}

/** The pledges that moved, largest effect first: what moved, what it did to the sums, the evidence. */
export function PledgeChangeList({
  pledges,
  unitLabel,
  headingLevel = 3,
}: {
  pledges: PledgeChangeLine[];
  unitLabel: string;
  /** Each pledge's heading: beneath the page's section (3), or deeper. */
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations("changes");
  const figureWords = useTranslations("dashboard.figure");
  const Heading = headingLevel === 3 ? "h3" : "h4";
  if (pledges.length === 0) return <p className="text-sm text-slate-700">{t("noPledgeChanged")}</p>;
  return (
    <ul className="space-y-3" data-testid="pledge-changes">
      {pledges.map((pledge) => (
        <li key={pledge.id} className="rounded border border-slate-200 p-3">
          <Heading className="font-medium">
            <Link href={`/pledges/${pledge.id}`} className="link">
              {pledge.title}
            </Link>
          </Heading>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {pledge.what.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {(["pledged", "unconditional", "delivered"] as const).map((figure) => (
              <div key={figure} className="flex gap-1">
                <dt className="text-slate-600">
                  {t("effect", { figure: figureWords(figure), unit: unitLabel })}
                </dt>
                <dd className="tabular-nums">{pledge.effect[figure]}</dd>
              </div>
            ))}
          </dl>
          {pledge.earlierEvents > 0 && (
            <p className="mt-2 text-sm text-slate-700">
              {t.rich("earlier", {
                count: pledge.earlierEvents,
                link: linkTag(`/pledges/${pledge.id}`),
              })}
            </p>
          )}
          <EventList events={pledge.events} />
        </li>
      ))}
    </ul>
  );
}

/** The pledges deleted in the period: they leave every view, on every day, so no figure shows them. */
export function DeletedPledgeList({ deleted }: { deleted: { id: string; title: string; when: string }[] }) {
  const t = useTranslations("changes");
  if (deleted.length === 0) return null;
  return (
    <ul className="list-disc pl-5 text-sm" data-testid="deleted-pledges">
      {deleted.map((pledge) => (
        <li key={pledge.id}>
          {pledge.title} <span className="text-slate-600">{t("deleted", { when: pledge.when })}</span>
        </li>
      ))}
    </ul>
  );
}
