import { formatDateTime } from "@/lib/format";

type Entry = {
  id: string;
  actor: string;
  at: Date;
  action: string;
  fields: string[];
  entityType?: string;
  entityId?: string;
  note?: string | null;
};

/** Writes from the audit log: who, when (UTC), what kind of change, on which record and fields. */
export function AuditTrail({
  entries,
  title = "Audit trail",
  showRecord = false,
}: {
  entries: Entry[];
  title?: string;
  /** For the log of every record (the admin page), name the record each write touched. */
  showRecord?: boolean;
}) {
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="note">No change has been recorded through Pledgewatch yet (seeded data).</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Change</th>
              {showRecord && <th scope="col">Record</th>}
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                {showRecord && (
                  <td>
                    {entry.entityType} <code>{entry.entityId}</code>
                  </td>
                )}
                <td>
                  {entry.fields.join(", ")}
                  {entry.note && <p className="note">{entry.note}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
