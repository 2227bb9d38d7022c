import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { linkTag } from "@/components/ui/rich-tags";
import { Panel } from "@/components/ui/panel";
import { SourceQuote } from "@/components/ui/source-quote";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { TableHead } from "@/components/ui/table-head";
import { ScaledQuantity } from "@/components/ui/scaled-amount";
import { formatQuantity, formatRatio, type Quantity } from "@/lib/rules/quantity";
import { unitName } from "@/lib/rules/units";
import { ProfilePledges } from "./profile-pledges";
import type { StakeholderProfile as Profile } from "../queries";

const amount = (quantity: Quantity) => <ScaledQuantity quantity={quantity} />;

/** One stakeholder: who it is and where it stands, what it carries, and the pledges themselves. */
export function StakeholderProfileView({ profile, watch }: { profile: Profile; watch?: ReactNode }) {
  const { stakeholder, pledges, totals, conditions } = profile;
  const t = useTranslations("profiles.stakeholder");
  const pledgeWords = useTranslations("pledges");
  const vocabulary = useTranslations("vocabulary");
  const locale = useLocale();
  const coalitions = stakeholder.coalitions.map((c) => c.coalition);
  const members = stakeholder.members.map((m) => m.member);
  return (
    <div className="space-y-5">
      <div>
        {/* The record's own words (name, stance, description) stay as entered. */}
        <h1 className="text-2xl font-semibold tracking-tight">{stakeholder.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {vocabulary(`stakeholderKind.${stakeholder.kind}`)}
          {stakeholder.countryCode && ` · ${stakeholder.countryCode}`}
          {coalitions.length > 0 && (
            <>
              {" · "}
              {t("memberOf")}{" "}
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

      <Panel headingId="stance-heading" title={t("stance")}>
        <p className="text-sm">{stakeholder.stance ?? t("noStance")}</p>
        {stakeholder.primaryContribution && (
          <p className="mt-2 text-sm">
            <span className="font-medium">{t("mainContribution")}</span> {stakeholder.primaryContribution}
          </p>
        )}
        {stakeholder.description && <p className="mt-2 text-sm text-slate-700">{stakeholder.description}</p>}
        <div className="mt-3 space-y-2">
          {stakeholder.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
          {stakeholder.citations.length === 0 && <p className="note">{t("noSource")}</p>}
        </div>
      </Panel>

      <Panel headingId="totals-heading" title={t("carries")}>
        <p className="text-sm text-slate-700">
          {t.rich("carriesText", { link: linkTag("/methodology#several-pledgers") })}
        </p>
        {totals.length === 0 ? (
          <p className="mt-2 text-sm">{t("noAmount")}</p>
        ) : (
          // Focusable, so that a keyboard can scroll it on a narrow screen.
          <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="totals-heading">
            <table className="data-table" data-testid="stakeholder-totals">
              <TableHead
                columns={[
                  t("unit"),
                  { label: pledgeWords("title"), numeric: true },
                  { label: t("pledged"), numeric: true },
                  { label: t("unconditional"), numeric: true },
                  { label: t("delivered"), numeric: true },
                  t("againstCapacity"),
                ]}
              />
              <tbody>
                {totals.map(({ unit, pledges: stating, row, capacities }) => (
                  <tr key={unit}>
                    <th scope="row">{unitName(unit, locale)}</th>
                    <td className="num">{stating}</td>
                    <td className="num">{row ? amount(row.pledged) : "—"}</td>
                    <td className="num">{row ? amount(row.unconditional) : "—"}</td>
                    <td className="num">{row ? amount(row.delivered) : "—"}</td>
                    <td>
                      {capacities.length === 0
                        ? t("noCapacity")
                        : capacities.map((c) => (
                            <div key={c.title}>
                              {t("capacityShare", {
                                share: c.share ? formatRatio(c.share, locale) : t("notDefined"),
                                title: c.title,
                                size: formatQuantity(c.size, { locale }),
                              })}
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
        <Panel headingId="its-conditions-heading" title={t("waitsFor")}>
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
        <Panel headingId="members-heading" title={t("members")}>
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
        heading={t("itsPledges")}
        pledges={pledges}
        listHref={`/pledges?stakeholder=${stakeholder.slug}`}
        none={t("noPledge")}
      />
    </div>
  );
}
