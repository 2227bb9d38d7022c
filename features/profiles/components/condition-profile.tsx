import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { linkTag } from "@/components/ui/rich-tags";
import { Panel } from "@/components/ui/panel";
import { SourceQuote } from "@/components/ui/source-quote";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import { viewQuery, worthLines } from "@/features/dashboard";
import { formatDate } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { ProfilePledges } from "./profile-pledges";
import type { ConditionProfile as Profile } from "../queries";

/** One condition: its status and the evidence, its history, what meeting it is worth, the pledges it holds. */
export function ConditionProfileView({ profile, watch }: { profile: Profile; watch?: ReactNode }) {
  const { condition, pledges, worth } = profile;
  const t = useTranslations("profiles.condition");
  const locale = useLocale();
  return (
    <div className="space-y-5">
      <div>
        {/* The record's own words (title, description) stay as entered. */}
        <h1 className="text-2xl font-semibold tracking-tight">{condition.title}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <ConditionStatusBadge status={condition.status} />
          <span>{t("since", { date: formatDate(condition.statusDate, locale) })}</span>
          {condition.dependsOn && (
            <span>
              {"· "}
              {t.rich("dependsOn", {
                name: condition.dependsOn.name,
                link: linkTag(`/stakeholders/${condition.dependsOn.slug}`),
              })}
            </span>
          )}
        </p>
        {condition.description && <p className="mt-2 text-sm">{condition.description}</p>}
        {watch && <div className="no-print mt-3">{watch}</div>}
      </div>

      <Panel headingId="evidence-heading" title={t("evidence")}>
        <div className="space-y-2">
          {condition.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
          {condition.citations.length === 0 && <p className="note">{t("noSource")}</p>}
        </div>
      </Panel>

      {worth.map((inUnit, index) => (
        <ConditionWorth
          key={inUnit.unit}
          slug={condition.slug}
          headingId={`worth-${index}-heading`}
          {...inUnit}
        />
      ))}

      <Panel headingId="history-heading" title={t("history")}>
        {condition.statusChanges.length === 0 ? (
          <p className="text-sm">{t("noChange")}</p>
        ) : (
          <ol className="space-y-3">
            {condition.statusChanges.map((change) => (
              <StatusChangeItem key={change.id} change={change} />
            ))}
          </ol>
        )}
      </Panel>

      <ProfilePledges
        headingId="held-pledges-heading"
        heading={t("tiedPledges")}
        pledges={pledges}
        listHref={`/pledges?condition=${condition.slug}`}
        none={t("noPledge")}
      />
    </div>
  );
}

/** What meeting it is worth in one unit, in the words of the dashboard's sensitivity table. */
function ConditionWorth({
  slug,
  headingId,
  unit,
  figures,
  conditions,
}: Profile["worth"][number] & { slug: string; headingId: string }) {
  const t = useTranslations("profiles.condition");
  const locale = useLocale();
  // A condition that no longer blocks has no line.
  const worth = worthLines(conditions, locale).find((line) => line.slug === slug) ?? null;
  const dashboard = viewQuery({ metric: unit, assume: [slug], time: {} });
  return (
    <Panel headingId={headingId} title={t("worth", { unit: unitWord(unit, undefined, locale) })}>
      {worth ? (
        <dl
          className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
          data-testid={`condition-worth-${unit}`}
        >
          <dt className="font-medium">{t("aloneReleases")}</dt>
          <dd>{t("aloneThen", { released: worth.alone, result: worth.aloneResult })}</dd>
          <dt className="font-medium">{t("holdsBack")}</dt>
          <dd>{t("withoutIt", { heldBack: worth.holdsBack, result: worth.allButThisResult })}</dd>
          <dt className="font-medium">{t("together")}</dt>
          <dd>{worth.joint.length === 0 ? t("noJoint") : worth.joint.join(t("separator"))}</dd>
        </dl>
      ) : (
        <p className="text-sm">{figures && !figures.canBeAssumed ? t("metOrWaived") : t("holdsNothing")}</p>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/dashboard?${dashboard}`} className="link">
          {t("seeDashboard")}
        </Link>
        {" · "}
        <Link href="/methodology#conditional" className="link">
          {t("howCounted")}
        </Link>
      </p>
    </Panel>
  );
}
