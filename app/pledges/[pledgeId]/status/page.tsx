import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusForm } from "@/features/editing/components/status-form";
import { editorOptions, pledgeForEdit } from "@/features/editing/queries";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { pledgeStatuses, pledgeStatusLabels } from "@/lib/rules/vocabulary";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Update pledge status" };
export const dynamic = "force-dynamic";

export default async function PledgeStatusPage({ params }: PageProps<"/pledges/[pledgeId]/status">) {
  const { pledgeId } = await params;
  await requirePagePermission("edit", `/pledges/${encodeURIComponent(pledgeId)}/status`);
  const id = pledgeIdSchema.safeParse(pledgeId);
  const pledge = id.success ? await pledgeForEdit(id.data) : null;
  if (!pledge) notFound();
  const { sources } = await editorOptions();
  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/pledges/${pledge.id}`} className="link">
          ← {pledge.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Update the status</h1>
      <StatusForm
        subject="pledge"
        id={pledge.id}
        version={pledge.version}
        current={pledge.status}
        statuses={pledgeStatuses.map((value) => ({ value, label: pledgeStatusLabels[value] }))}
        sources={sources}
      />
    </div>
  );
}
