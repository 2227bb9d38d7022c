import type { Metadata } from "next";
import Link from "next/link";
import { RestoreForm } from "@/features/editing/components/restore-form";
import { listDeletedPledges } from "@/features/editing/queries";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { AnnouncedDate } from "@/features/pledges/components/announced-date";

export const metadata: Metadata = { title: "Recently deleted pledges" };
export const dynamic = "force-dynamic";

export default async function DeletedPledgesPage() {
  await requirePagePermission("edit", "/pledges/deleted");
  const pledges = await listDeletedPledges();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Recently deleted pledges</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          A deleted pledge leaves every list, figure and export, but keeps its history and evidence. Restore
          brings it back as it was; both are in the audit trail.
        </p>
      </div>
      {pledges.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
          No pledge has been deleted.{" "}
          <Link href="/pledges" className="link">
            Back to the pledges
          </Link>
        </p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Deleted pledges, latest first</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">
                Pledge
              </th>
              <th scope="col" className="p-2">
                Announced
              </th>
              <th scope="col" className="p-2">
                Deleted
              </th>
              <th scope="col" className="p-2">
                By
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pledges.map((pledge) => (
              <tr key={pledge.id} className="border-b border-slate-100" data-testid="deleted-pledge">
                <td className="p-2 font-medium">{pledge.title}</td>
                <td className="p-2">
                  <AnnouncedDate pledge={pledge} />
                </td>
                <td className="p-2">{formatDateTime(pledge.deletedAt)}</td>
                <td className="p-2">{pledge.deletedBy ?? "unknown"}</td>
                <td className="p-2 text-right">
                  <RestoreForm id={pledge.id} version={pledge.version} title={pledge.title} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
