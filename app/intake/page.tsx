import type { Metadata } from "next";
import Link from "next/link";
import { IntakeForm } from "@/features/intake/components/intake-form";
import { listIntakeSources } from "@/features/intake/queries";
import { formatDateTime, formatSize } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Intake" };
export const dynamic = "force-dynamic";

const kinds: Record<string, string> = {
  "text/plain": "Text",
  "text/markdown": "Markdown",
  "text/html": "Web page",
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
};

export default async function IntakePage() {
  await requirePagePermission("edit", "/intake");
  const sources = await listIntakeSources();
  return (
    <div className="space-y-8">
      <div className="max-w-prose space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Intake</h1>
        <p>
          Give a communiqué or a news report and Pledgewatch suggests the pledges, refusals, conditions,
          figures, requirements and capacity references it states, each with the exact words it rests on. You
          review them one by one: accept, edit, merge into what is tracked, or reject.
        </p>
      </div>
      <section aria-labelledby="take-in-heading" className="max-w-3xl space-y-3">
        <h2 id="take-in-heading" className="text-lg font-semibold">
          Take in a source
        </h2>
        <IntakeForm />
      </section>
      <section aria-labelledby="taken-in-heading" className="space-y-3">
        <h2 id="taken-in-heading" className="text-lg font-semibold">
          {sources.length === 0 ? "No sources taken in yet" : "Sources taken in"}
        </h2>
        {sources.length > 0 && (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="intake-sources">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Taken in (UTC)</th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                  <th scope="col" className="num">
                    Accepted
                  </th>
                  <th scope="col" className="num">
                    Rejected
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.map((row) => (
                  <tr key={row.sourceId}>
                    <th scope="row">
                      <Link href={`/intake/${row.sourceId}`} className="link">
                        {row.source.title}
                      </Link>
                      {row.source.publisher && <span className="note"> · {row.source.publisher}</span>}
                    </th>
                    <td>
                      {kinds[row.mediaType] ?? row.mediaType}, {formatSize(row.byteSize)}
                    </td>
                    <td>{formatDateTime(row.createdAt)}</td>
                    <td className="num">{row.pending}</td>
                    <td className="num">{row.accepted}</td>
                    <td className="num">{row.rejected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
