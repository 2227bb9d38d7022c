import Link from "next/link";
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
import { deliveredAbovePledge, ledgerFactLabels } from "@/lib/rules/ledger";
import {
  categoryLabels,
  effectiveStatusLabels,
  pledgeStatusLabels,
  roleLabels,
  stakeholderKindLabels,
} from "@/lib/rules/vocabulary";
import type { PledgeDetail as PledgeDetailData } from "../queries";
import { Panel } from "@/components/ui/panel";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import { TableHead } from "@/components/ui/table-head";
import { AnnouncedDate } from "./announced-date";

/** An event's value as the page writes it: the quantity with its bounds, an amount, a date. */
function factText(event: PledgeDetailData["ledgerEvents"][number], unit: string | null): string {
  if (event.fact === "stated") {
    return (
      formatPledgeQuantity({ ...event, quantityQualifier: event.quantityQualifier ?? "exact" }) ?? "no number"
    );
  }
  if (event.fact === "delivered") {
    return formatDelivered(event.deliveredQuantity, unit) ?? "nothing";
  }
  return event.dueOn ? formatDate(event.dueOn) : "none";
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
  const eventUnits = unitsOf(pledge.ledgerEvents, pledge.quantityUnit);
  const stated = formatPledgeQuantity(pledge);
  const delivered = formatDelivered(pledge.deliveredQuantity, pledge.quantityUnit);
  // What happened on the day the pledge was announced is dated as precisely as that day is known:
  // "Mar 2022", not a 1 March nobody stated.
  const onAnnouncement = (on: Date) =>
    pledge.announcedPrecision !== "day" && on.getTime() === pledge.announcedOn.getTime()
      ? formatDateAt(on, pledge.announcedPrecision)
      : null;
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-slate-600">{categoryLabels[pledge.category]}</p>
        <h1 className="text-2xl font-semibold tracking-tight">{pledge.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={pledge.effective.status} />
          {pledge.effective.status === "conditional" && (
            <p className="text-sm text-slate-800">
              Waiting on {pledge.effective.blockedBy.map((c) => c.title).join("; ")}
            </p>
          )}
        </div>
        {pledge.description && <p className="max-w-3xl text-slate-800">{pledge.description}</p>}
      </header>

      <Panel headingId="facts" title="What was pledged">
        <dl className="space-y-2">
          <Fact term="Quantity (as stated)">
            {stated ?? <span className="text-slate-600">No number stated</span>}
          </Fact>
          <Fact term="Delivered so far">
            {delivered ?? <span className="text-slate-600">Nothing recorded</span>}
            {deliveredAbovePledge(pledge) && <ExceedsBadge />}
          </Fact>
          <Fact term="Lifecycle status">{pledgeStatusLabels[pledge.status]}</Fact>
          <Fact term="Effective status">
            <span data-testid="effective-status">{effectiveStatusLabels[pledge.effective.status]}</span>
          </Fact>
          <Fact term="Announced">
            <AnnouncedDate pledge={pledge} />
          </Fact>
          {pledge.dueOn && (
            <Fact term="Due">
              <Day day={shownDay(pledge.dueOn)} />
            </Fact>
          )}
          {pledge.scope && <Fact term="Where / scope">{pledge.scope}</Fact>}
          {pledge.externalId && (
            <Fact term="External ID">
              <code className="font-mono text-xs">{pledge.externalId}</code>
            </Fact>
          )}
        </dl>
      </Panel>

      <Panel headingId="who" title="Who">
        <ul className="space-y-1 text-sm">
          {pledge.stakeholders.map(({ role, stakeholder }) => (
            <li key={`${stakeholder.slug}-${role}`}>
              <Link href={`/stakeholders/${stakeholder.slug}`} className="link font-medium">
                {stakeholder.name}
              </Link>{" "}
              <span className="text-slate-600">
                — {roleLabels[role]} · {stakeholderKindLabels[stakeholder.kind]}
              </span>
              {stakeholder.stance && <div className="text-slate-700">Stance: {stakeholder.stance}</div>}
            </li>
          ))}
        </ul>
      </Panel>

      <Panel headingId="conditions" title="Conditions">
        {pledge.conditions.length === 0 ? (
          <p className="text-sm text-slate-700">This pledge is not tied to any condition.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">Conditions of this pledge and their status</caption>
              <TableHead columns={["Condition", "Depends on", "Status", "Since"]} />
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
                      <Day day={shownDay(condition.statusDate)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <Panel headingId="evidence" title="Evidence">
        <div className="space-y-3">
          {pledge.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
        </div>
      </Panel>

      <Panel headingId="figures" title="Figures over time">
        <ol className="space-y-4">
          {pledge.ledgerEvents.map((event) => (
            <li key={event.id} className="space-y-1" data-testid="ledger-event">
              <p className="text-sm">
                <Day day={shownDay(event.occurredOn)} className="font-medium">
                  {onAnnouncement(event.occurredOn)}
                </Day>
                : {ledgerFactLabels[event.fact]}{" "}
                <strong>{factText(event, eventUnits.get(event.id) ?? null)}</strong>
              </p>
              <p className="text-sm text-slate-700">
                {event.note}
                <span className="text-slate-600">
                  {" "}
                  (recorded {formatDateTime(event.recordedAt)}
                  {event.recordedBy && <> by {event.recordedBy}</>})
                </span>
              </p>
              {event.citations.map((citation) => (
                <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
              ))}
            </li>
          ))}
        </ol>
      </Panel>

      <Panel headingId="history" title="Status history">
        <ol className="space-y-4">
          {pledge.statusChanges.map((change) => (
            <StatusChangeItem key={change.id} change={change} when={onAnnouncement(change.occurredAt)} />
          ))}
        </ol>
      </Panel>
    </article>
  );
}
