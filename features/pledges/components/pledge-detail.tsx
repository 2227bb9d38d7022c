import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { ConditionStatusBadge, StatusBadge } from "@/components/ui/status-badge";
import { SourceQuote } from "@/components/ui/source-quote";
import {
  formatDate,
  formatDateAt,
  formatDateTime,
  formatDelivered,
  formatPledgeQuantity,
  shownDay,
} from "@/lib/format";
import { Day } from "@/components/ui/day";
import { ExceedsBadge } from "@/components/ui/exceeds-badge";
import { deliveredAbovePledge } from "@/lib/rules/ledger";
import type { PledgeDetail as PledgeDetailData } from "../queries";
import { Panel } from "@/components/ui/panel";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import { TableHead } from "@/components/ui/table-head";
import { AnnouncedDate } from "./announced-date";
import { noteIn } from "@/i18n/system-notes";

/** An event's value as the page writes it: the quantity with its bounds, an amount, a date. */
function factText(
  event: PledgeDetailData["ledgerEvents"][number],
  unit: string | null,
  locale: Locale,
  t: ReturnType<typeof useTranslations<"pledge">>,
): string {
  if (event.fact === "stated") {
    return (
      formatPledgeQuantity({ ...event, quantityQualifier: event.quantityQualifier ?? "exact" }, locale) ??
      t("noNumber")
    );
  }
  if (event.fact === "delivered") {
    return formatDelivered(event.deliveredQuantity, unit, locale) ?? t("nothing");
  }
  return event.dueOn ? formatDate(event.dueOn, locale) : t("none");
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="w-40 shrink-0 text-sm text-slate-600">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** The unit each event's amounts are in: the stated unit in force on its day (units can change). */
function unitsOf(
  events: PledgeDetailData["ledgerEvents"],
  fallback: string | null,
): Map<string, string | null> {
  const units = new Map<string, string | null>();
  let unit = fallback;
  for (const event of [...events].reverse()) {
    if (event.fact === "stated") unit = event.quantityUnit;
    units.set(event.id, unit);
  }
  return units;
}

export function PledgeDetail({ pledge }: { pledge: PledgeDetailData }) {
  const locale = useLocale();
  const t = useTranslations("pledge");
  const words = useTranslations("vocabulary");
  const eventUnits = unitsOf(pledge.ledgerEvents, pledge.quantityUnit);
  const stated = formatPledgeQuantity(pledge, locale);
  const delivered = formatDelivered(pledge.deliveredQuantity, pledge.quantityUnit, locale);
  // What happened on the day the pledge was announced is dated as precisely as that day is known:
  // "Mar 2022", not a 1 March nobody stated.
  const onAnnouncement = (on: Date) =>
    pledge.announcedPrecision !== "day" && on.getTime() === pledge.announcedOn.getTime()
      ? formatDateAt(on, pledge.announcedPrecision, locale)
      : null;
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{words(`category.${pledge.category}`)}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{pledge.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={pledge.effective.status} />
          {pledge.effective.status === "conditional" && (
            <p className="text-sm text-slate-800">
              {t("waitingOn", { conditions: pledge.effective.blockedBy.map((c) => c.title).join("; ") })}
            </p>
          )}
        </div>
        {pledge.description && <p className="max-w-3xl text-slate-800">{pledge.description}</p>}
      </header>

      <Panel headingId="facts" title={t("whatPledged")}>
        <dl className="space-y-2">
          <Fact term={words("ledgerFact.stated")}>
            {stated ?? <span className="text-slate-600">{t("noNumberStated")}</span>}
          </Fact>
          <Fact term={words("ledgerFact.delivered")}>
            {delivered ?? <span className="text-slate-600">{t("nothingRecorded")}</span>}
            {deliveredAbovePledge(pledge) && <ExceedsBadge />}
          </Fact>
          <Fact term={t("lifecycle")}>{words(`pledgeStatus.${pledge.status}`)}</Fact>
          <Fact term={t("effective")}>
            <span data-testid="effective-status">{words(`pledgeStatus.${pledge.effective.status}`)}</span>
          </Fact>
          <Fact term={t("announced")}>
            <AnnouncedDate pledge={pledge} />
          </Fact>
          {pledge.dueOn && (
            <Fact term={t("due")}>
              <Day day={shownDay(pledge.dueOn, locale)} />
            </Fact>
          )}
          {pledge.scope && <Fact term={t("scope")}>{pledge.scope}</Fact>}
          {pledge.externalId && (
            <Fact term={t("externalId")}>
              <code className="font-mono text-xs">{pledge.externalId}</code>
            </Fact>
          )}
        </dl>
      </Panel>

      <Panel headingId="who" title={t("who")}>
        <ul className="space-y-1 text-sm">
          {pledge.stakeholders.map(({ role, stakeholder }) => (
            <li key={`${stakeholder.slug}-${role}`}>
              <Link href={`/stakeholders/${stakeholder.slug}`} className="link font-medium">
                {stakeholder.name}
              </Link>{" "}
              <span className="text-slate-600">
                — {words(`role.${role}`)} · {words(`stakeholderKind.${stakeholder.kind}`)}
              </span>
              {stakeholder.stance && (
                <div className="text-slate-700">{t("stance", { stance: stakeholder.stance })}</div>
              )}
            </li>
          ))}
        </ul>
      </Panel>

      <Panel headingId="conditions" title={t("conditions")}>
        {pledge.conditions.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noConditions")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">{t("conditionsCaption")}</caption>
              <TableHead columns={[t("condition"), t("dependsOn"), t("status"), t("since")]} />
              <tbody>
                {pledge.conditions.map((condition) => (
                  <tr key={condition.id} data-testid="condition-row">
                    <td>
                      <Link href={`/conditions/${condition.slug}`} className="link font-medium">
                        {condition.title}
                      </Link>
                      {condition.description && <div className="text-slate-700">{condition.description}</div>}
                    </td>
                    <td>
                      {condition.dependsOn ? (
                        <Link href={`/stakeholders/${condition.dependsOn.slug}`} className="link">
                          {condition.dependsOn.name}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <ConditionStatusBadge status={condition.status} />
                    </td>
                    <td className="whitespace-nowrap">
                      <Day day={shownDay(condition.statusDate, locale)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <Panel headingId="evidence" title={t("evidence")}>
        <div className="space-y-3">
          {pledge.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
        </div>
      </Panel>

      <Panel headingId="figures" title={t("figuresOverTime")}>
        <ol className="space-y-4">
          {pledge.ledgerEvents.map((event) => (
            <li key={event.id} className="space-y-1" data-testid="ledger-event">
              <p className="text-sm">
                <Day day={shownDay(event.occurredOn, locale)} className="font-medium">
                  {onAnnouncement(event.occurredOn)}
                </Day>
                : {words(`ledgerFact.${event.fact}`)}{" "}
                <strong>{factText(event, eventUnits.get(event.id) ?? null, locale, t)}</strong>
              </p>
              <p className="text-sm text-slate-700">
                {event.note && noteIn(event.note, locale)}
                <span className="text-slate-600">
                  {" "}
                  {event.recordedBy
                    ? t("recordedBy", {
                        when: formatDateTime(event.recordedAt, locale),
                        name: event.recordedBy,
                      })
                    : t("recorded", { when: formatDateTime(event.recordedAt, locale) })}
                </span>
              </p>
              {event.citations.map((citation) => (
                <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
              ))}
            </li>
          ))}
        </ol>
      </Panel>

      <Panel headingId="history" title={t("statusHistory")}>
        <ol className="space-y-4">
          {pledge.statusChanges.map((change) => (
            <StatusChangeItem key={change.id} change={change} when={onAnnouncement(change.occurredAt)} />
          ))}
        </ol>
      </Panel>
    </article>
  );
}
