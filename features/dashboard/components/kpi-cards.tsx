import Link from "next/link";
import { formatPromised as quantity, formatQuantity, formatRatio, type Ratio } from "@/lib/rules/quantity";
import type { GapFigures } from "@/lib/rules/figures";

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
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-sm text-slate-600">{title}</dt>
      <dd className="mt-1 text-xl font-semibold tracking-tight">{value}</dd>
      <dd className="mt-1 text-xs text-slate-600">
        {detail} ·{" "}
        <a href="#evidence" className="link">
          sources
        </a>{" "}
        ·{" "}
        <Link href={`/methodology#${counted}`} className="link">
          how counted
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

const ratio = (r: Ratio | null) => (r ? formatRatio(r) : "not defined");

/**
 * The six headline figures, each a range where the data is a range, with its bound in words; and
 * how many pledges report deliveries above what they pledged (counted in, and said).
 */
export function KpiCards({ gap, deliveredAbovePledge }: { gap: GapFigures; deliveredAbovePledge: number }) {
  const above =
    deliveredAbovePledge > 0
      ? `${deliveredAbovePledge} ${deliveredAbovePledge === 1 ? "pledge reports" : "pledges report"} more delivered than pledged`
      : undefined;
  const cards = [
    ["required", "Required", quantity(gap.required), "expert estimate", "ranges"],
    ["pledged", "Pledged", quantity(gap.pledged), "every pledge not withdrawn", "withdrawn"],
    [
      "unconditional",
      "Unconditional",
      quantity(gap.unconditional),
      "pledges whose conditions are all met",
      "conditional",
    ],
    ["delivered", "Delivered", quantity(gap.delivered), "recorded as delivered", "delivered", above],
    ["shortfall", "Shortfall", formatQuantity(gap.shortfall), "required minus pledged", "ceilings"],
    ["coverage", "Coverage", ratio(gap.coverage), "pledged as a share of required", "ceilings"],
  ] as const;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {cards.map(([key, title, value, detail, counted, warning]) => (
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
