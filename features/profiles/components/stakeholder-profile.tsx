import type { ReactNode } from "react";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SourceQuote } from "@/components/ui/source-quote";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { TableHead } from "@/components/ui/table-head";
import { ScaledQuantity } from "@/components/ui/scaled-amount";
import { formatQuantity, formatRatio, type Quantity } from "@/lib/rules/quantity";
import { stakeholderKindLabels } from "@/lib/rules/vocabulary";
import { ProfilePledges } from "./profile-pledges";
import type { StakeholderProfile as Profile } from "../queries";

const amount = (quantity: Quantity) => <ScaledQuantity quantity={quantity} />;

/** One stakeholder: who it is and where it stands, what it carries, and the pledges themselves. */
export function StakeholderProfileView({ profile, watch }: { profile: Profile; watch?: ReactNode }) {
  const { stakeholder, pledges, totals, conditions } = profile;
  const coalitions = stakeholder.coalitions.map((c) => c.coalition);
  const members = stakeholder.members.map((m) => m.member);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{stakeholder.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {stakeholderKindLabels[stakeholder.kind]}
          {stakeholder.countryCode && ` · ${stakeholder.countryCode}`}
          {coalitions.length > 0 && (
            <>
              {" · member of "}
              {coalitions.map((c, i) => (
                <span key={c.slug}>
                  {i > 0 && ", "}
                  <Link href={`/stakeholders/${c.slug}`} className="link">
                    {c.name}
                  </Link>
                </span>
              ))}
            </>
          )}
        </p>
        {watch && <div className="no-print mt-3">{watch}</div>}
      </div>

      <Panel headingId="stance-heading" title="Stance">
        <p className="text-sm">{stakeholder.stance ?? "No stance recorded."}</p>
        {stakeholder.primaryContribution && (
          <p className="mt-2 text-sm">
            <span className="font-medium">Main contribution:</span> {stakeholder.primaryContribution}
          </p>
        )}
        {stakeholder.description && <p className="mt-2 text-sm text-slate-700">{stakeholder.description}</p>}
        <div className="mt-3 space-y-2">
          {stakeholder.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
          {stakeholder.citations.length === 0 && <p className="note">No source is cited for this stance.</p>}
        </div>
      </Panel>

      <Panel headingId="totals-heading" title="What it carries">
        <p className="text-sm text-slate-700">
          A pledge counts in full for each stakeholder that carries it (pledger, lead or contributor), so
          these figures are not a share of the total: see{" "}
          <Link href="/methodology#several-pledgers" className="link">
            how pledges are counted
          </Link>
          .
        </p>
        {totals.length === 0 ? (
          <p className="mt-2 text-sm">None of its pledges states an amount.</p>
        ) : (
          // Focusable, so that a keyboard can scroll it on a narrow screen.
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="totals-heading">
            <table className="data-table" data-testid="stakeholder-totals">
              <TableHead
                columns={[
                  "Unit",
                  { label: "Pledges", numeric: true },
                  { label: "Pledged", numeric: true },
                  { label: "Unconditional", numeric: true },
                  { label: "Delivered", numeric: true },
                  "Against its capacity",
                ]}
              />
              <tbody>
                {totals.map(({ unit, pledges: stating, row, capacities }) => (
                  <tr key={unit}>
                    <th scope="row">{unit}</th>
                    <td className="num">{stating}</td>
                    <td className="num">{row ? amount(row.pledged) : "—"}</td>
                    <td className="num">{row ? amount(row.unconditional) : "—"}</td>
                    <td className="num">{row ? amount(row.delivered) : "—"}</td>
                    <td>
                      {capacities.length === 0
                        ? "No capacity recorded"
                        : capacities.map((c) => (
                            <div key={c.title}>
                              {c.share ? formatRatio(c.share) : "not defined"} of {c.title} (
                              {formatQuantity(c.size)})
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      {conditions.length > 0 && (
        <Panel headingId="its-conditions-heading" title="Conditions its pledges still wait for">
          <ul className="space-y-1 text-sm">
            {conditions.map((condition) => (
              <li key={condition.slug}>
                <Link href={`/conditions/${condition.slug}`} className="link">
                  {condition.title}
                </Link>{" "}
                <ConditionStatusBadge status={condition.status} />
              </li>
            ))}
          </ul>
        </Panel>
      )}

      {members.length > 0 && (
        <Panel headingId="members-heading" title="Members">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {members.map((m) => (
              <li key={m.slug}>
                <Link href={`/stakeholders/${m.slug}`} className="link">
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        </Panel>
      )}

      <ProfilePledges
        headingId="its-pledges-heading"
        heading="Its pledges"
        pledges={pledges}
        listHref={`/pledges?stakeholder=${stakeholder.slug}`}
        none="No pledge names it."
      />
    </div>
  );
}
