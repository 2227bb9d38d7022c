import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { linkTag } from "@/components/ui/rich-tags";
import type { Locale } from "@/i18n/locales";
import { translator, type Translate } from "@/i18n/translate";
import { formatAmount, formatAmountScaled, unitName } from "@/lib/rules/units";
import { joinWords } from "@/lib/format";
import {
  blockingConditionStatuses,
  settledPledgeStatuses,
  statusesOutsideTotals,
} from "@/lib/rules/effective-status";
import { formatQuantity, formatRatio, shortfall, coverage, statedQuantity } from "@/lib/rules/quantity";
import type { ConditionStatus, PledgeStatus } from "@/lib/rules/vocabulary";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("methodology"))("title") };
}

// The worked example is computed by the same rules as every figure, so the page cannot drift from them.
const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");
const pledged = statedQuantity(30_000n, null, "personnel", "up_to");

/** Statuses as the rules name them, each quoted, joined with "or": “Unmet” or “Partially met”. */
function statusWords(t: Translate, locale: Locale, labels: string[]) {
  return joinWords(
    labels.map((label) => t("common.quoted", { text: label })),
    locale,
    "disjunction",
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <div className="space-y-2 text-sm">{children}</div>
    </section>
  );
}

/** How every figure is counted, written from the rules that count them (lib/rules). */
export default async function MethodologyPage() {
  await requirePagePermission("read", "/methodology");
  const locale = await getLocale();
  // The catalog's words through the translator: French elides "de" before a figure's bound ("d’au moins").
  const t = translator(locale);
  const pledgeStatus = (status: PledgeStatus) => t(`vocabulary.pledgeStatus.${status}`);
  const conditionStatus = (status: ConditionStatus) => t(`vocabulary.conditionStatus.${status}`);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("methodology.title")}</h1>
      <p className="text-sm text-slate-700">{t.rich("methodology.intro", { link: linkTag("/dashboard") })}</p>
      <Section id="ceilings" title={t("methodology.ceilings.title")}>
        <p>
          {t("methodology.ceilings.text", {
            pledged: formatQuantity(pledged, { ceilingWords: "up to", locale }),
            required: formatQuantity(required, { locale }),
            shortfall: formatQuantity(shortfall(required, pledged), { locale }),
            coverage: formatRatio(coverage(pledged, required)!, locale),
          })}
        </p>
        <p id="ranges">
          {t("methodology.ceilings.ranges", {
            range: `${formatAmount(50_000n, "personnel", locale)}–${formatAmount(100_000n, "personnel", locale)}`,
          })}
        </p>
      </Section>
      <Section id="conditional" title={t("methodology.conditional.title")}>
        <p>
          {t("methodology.conditional.text", {
            blocking: statusWords(t, locale, blockingConditionStatuses.map(conditionStatus)),
            settled: statusWords(t, locale, settledPledgeStatuses.map(pledgeStatus)),
          })}
        </p>
        <p>{t("methodology.conditional.scenario")}</p>
      </Section>
      <Section id="withdrawn" title={t("methodology.withdrawn.title")}>
        <p>
          {t("methodology.withdrawn.text", {
            excluded: statusWords(t, locale, statusesOutsideTotals.map(pledgeStatus)),
          })}
        </p>
      </Section>
      <Section id="delivered" title={t("methodology.delivered.title")}>
        <p>{t("methodology.delivered.text")}</p>
      </Section>
      <Section id="several-pledgers" title={t("methodology.severalPledgers.title")}>
        <p>{t("methodology.severalPledgers.text")}</p>
        <p id="lead-only">
          {t("methodology.severalPledgers.byLead")}{" "}
          {t("report.leadAttribution", { noSingleLead: t("report.noSingleLead") })}
        </p>
      </Section>
      <Section id="units" title={t("methodology.units.title")}>
        <p>
          {t("methodology.units.text", {
            personnel: unitName("personnel", locale),
            // A large amount as the tables round it: "€12.3 bn".
            example: formatAmountScaled(1_230_000_000_000n, "EUR", "nearest", locale),
          })}
        </p>
      </Section>
    </div>
  );
}
