import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { AuditSection } from "@/features/audit/components/audit-section";
import { listAudit } from "@/features/audit/queries";
import { DeleteSection } from "@/features/editing/components/delete-form";
import { PledgeForm } from "@/features/editing/components/pledge-form";
import { pledgeFormText } from "@/features/editing";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";

export const metadata: Metadata = { title: "Edit pledge" };
export const dynamic = "force-dynamic";

export default async function EditPledgePage({ params }: PageProps<"/pledges/[pledgeId]/edit">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "edit");
  const [options, trail] = await Promise.all([
    editorOptions(),
    listAudit({ entity: "Pledge", record: pledge.id, page: 1 }, { seesAccounts: false }, 20),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>Edit pledge</PageHeading>
      <p className="note">
        Version {pledge.version}. The status changes through{" "}
        <Link href={`/pledges/${pledge.id}/status`} className="link">
          a status update
        </Link>
        , with its evidence.
      </p>
      <PledgeForm
        pledge={{
          id: pledge.id,
          version: pledge.version,
          text: pledgeFormText(pledge),
          roles: Object.fromEntries(pledge.stakeholders.map((s) => [s.stakeholderId, s.role])),
          conditionIds: pledge.conditions.map((c) => c.conditionId),
        }}
        options={options}
      />
      <DeleteSection
        target="pledge"
        id={pledge.id}
        version={pledge.version}
        label="Delete this pledge"
        explanation="It leaves every list, figure and export; its status history and audit trail are kept."
      />
      <AuditSection
        title="Audit trail"
        lines={trail.rows}
        total={trail.total}
        href={`/audit?entity=Pledge&record=${pledge.id}`}
      />
    </div>
  );
}
