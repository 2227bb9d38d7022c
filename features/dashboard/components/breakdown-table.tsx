"use client";

import Link from "next/link";
import type { ReactNode } from "react";
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
  return (
    <Panel headingId={id} title={title}>
      {children}
      <div className="overflow-x-auto">
        <table className="data-table" data-testid={id}>
          <TableHead
            columns={[
              keyHeading,
              { label: "Pledges", numeric: true },
              { label: "Pledged", numeric: true },
              { label: "Unconditional", numeric: true },
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
                  <ScaledAmount shown={line.pledged} exact={line.pledgedExact} />
                </td>
                <td className="num">
                  <ScaledAmount shown={line.unconditional} exact={line.unconditionalExact} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
