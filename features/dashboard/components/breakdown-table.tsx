"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { Panel } from "@/components/ui/panel";
import { ScaledAmount } from "@/components/ui/scaled-amount";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableHead } from "@/components/ui/table-head";
import type { EffectiveStatus } from "@/lib/rules/vocabulary";
import type { BreakdownLine } from "../breakdown-lines";

interface BreakdownTableProps {
  id: string;
  title: string;
  keyHeading: string;
  lines: BreakdownLine[];
  /** Draws each row's key as an effective-status badge instead of its label. */
  statusBadges?: boolean;
  /** Shown between the title and the table: how the rows are counted. */
  children?: ReactNode;
}

/** Counts and sums per group; a pledge without a stated quantity counts but adds nothing. */
export function BreakdownTable({
  id,
  title,
  keyHeading,
  lines,
  statusBadges = false,
  children,
}: BreakdownTableProps) {
  // Rounded amounts show their cents on hover, which a keyboard or touch cannot do: this shows them all.
  const t = useTranslations("dashboard");
  const [exact, setExact] = useState(false);
  const exactId = useId();
  const rounded = lines.some(
    (line) => line.pledged !== line.pledgedExact || line.unconditional !== line.unconditionalExact,
  );
  return (
    <Panel headingId={id} title={title}>
      {children}
      {rounded && (
        <p className="mt-2 flex items-center gap-2 text-sm text-slate-700 print:hidden">
          <input
            id={exactId}
            type="checkbox"
            checked={exact}
            onChange={(event) => setExact(event.target.checked)}
            className="size-4 accent-blue-700"
          />
          <label htmlFor={exactId}>{t("breakdown.exact")}</label>
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="data-table" data-testid={id}>
          <TableHead
            columns={[
              keyHeading,
              { label: t("breakdown.pledges"), numeric: true },
              { label: t("figure.pledged"), numeric: true },
              { label: t("figure.unconditional"), numeric: true },
            ]}
          />
          <tbody>
            {lines.map((line) => (
              <tr key={line.key}>
                <th scope="row">
                  {statusBadges ? (
                    <StatusBadge status={line.key as EffectiveStatus} />
                  ) : line.href ? (
                    <Link href={line.href} className="link">
                      {line.label}
                    </Link>
                  ) : (
                    line.label
                  )}
                </th>
                <td className="num">{line.count}</td>
                <td className="num">
                  <ScaledAmount shown={exact ? line.pledgedExact : line.pledged} exact={line.pledgedExact} />
                </td>
                <td className="num">
                  <ScaledAmount
                    shown={exact ? line.unconditionalExact : line.unconditional}
                    exact={line.unconditionalExact}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
