import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { AuditLine } from "../audit-lines";

/** Where a record's page is, for the kinds that have one. */
function recordHref(line: AuditLine): string | null {
  if (line.entityType === "Pledge") return line.action === "Deleted" ? null : `/pledges/${line.entityId}`;
  const kinds: Record<string, string> = {
    Condition: "condition",
    Stakeholder: "stakeholder",
    Source: "source",
    Requirement: "requirement",
    CapacityReference: "capacity",
  };
  return kinds[line.entityType] ? `/manage/${kinds[line.entityType]}/${line.entityId}` : null;
}

/** Audit entries in words: when, who, what, on which record, and each field before → after. */
export function AuditTable({ lines, showRecord = true }: { lines: AuditLine[]; showRecord?: boolean }) {
  return (
    <table className="data-table">
      <caption className="sr-only">Changes, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Who</th>
          <th scope="col">Change</th>
          {showRecord && <th scope="col">Record</th>}
          <th scope="col">What changed</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const href = recordHref(line);
          return (
            <tr key={line.id} data-testid="audit-line">
              <td className="whitespace-nowrap">{formatDateTime(line.at)}</td>
              <td>{line.actor}</td>
              <td>{line.action}</td>
              {showRecord && (
                <td>
                  <span className="note block">{line.entityType}</span>
                  {href ? (
                    <Link href={href} className="link">
                      {line.title}
                    </Link>
                  ) : (
                    line.title
                  )}
                </td>
              )}
              <td>
                {line.changes.length > 0 && (
                  <ul className="space-y-1">
                    {line.changes.map((change) => (
                      <li key={change.label}>
                        <span className="font-medium">{change.label}:</span> {change.before} → {change.after}
                      </li>
                    ))}
                  </ul>
                )}
                {line.note && <p className="note">{line.note}</p>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
