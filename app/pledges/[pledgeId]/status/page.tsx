import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusForm } from "@/features/editing/components/status-form";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";
import { pledgeStatuses, pledgeStatusLabels } from "@/lib/rules/vocabulary";

export const metadata: Metadata = { title: "Update pledge status" };
export const dynamic = "force-dynamic";

export default async function PledgeStatusPage({ params }: PageProps<"/pledges/[pledgeId]/status">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "status");
  const { sources } = await editorOptions();
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>
        Update the status
      </PageHeading>
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
