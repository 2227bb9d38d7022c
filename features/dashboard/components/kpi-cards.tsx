"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { KpiCardLine } from "../gap-lines";

function Card({
  title,
  value,
  detail,
  testId,
  warning,
  counted,
}: {
  title: string;
  value: string;
  detail: string;
  testId: string;
  /** The section of the methodology that says how this figure is counted. */
  counted: string;
  /** Said under the figure, flagged, when something in it needs a reader's attention. */
  warning?: string;
}) {
  const t = useTranslations("dashboard.kpi");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-sm text-slate-600">{title}</dt>
      <dd className="mt-1 text-xl font-semibold tracking-tight">{value}</dd>
      <dd className="mt-1 text-xs text-slate-600">
        {detail} ·{" "}
        <a href="#evidence" className="link">
          {t("sources")}
        </a>{" "}
        ·{" "}
        <Link href={`/methodology#${counted}`} className="link">
          {t("howCounted")}
        </Link>
      </dd>
      {warning && (
        <dd className="mt-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
          {warning}
        </dd>
      )}
    </div>
  );
}

/** The six headline figures (kpiCardLines), each with how it is counted and where its sources are. */
export function KpiCards({ cards }: { cards: KpiCardLine[] }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {cards.map(({ key, title, value, detail, counted, warning }) => (
        <Card
          key={key}
          testId={`kpi-${key}`}
          title={title}
          value={value}
          detail={detail}
          counted={counted}
          warning={warning}
        />
      ))}
    </dl>
  );
}
