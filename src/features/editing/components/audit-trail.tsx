import { formatDateTime } from "@/lib/format";

/** Every write to one record: who, when (UTC), what kind of change and which fields. */
export function AuditTrail({
  entries,
}: {
  entries: { id: string; actor: string; at: Date; action: string; fields: string[] }[];
}) {
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Audit trail
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
              <th scope="col">Fields</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>{entry.fields.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
