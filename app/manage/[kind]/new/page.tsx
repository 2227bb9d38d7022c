import type { Metadata } from "next";
import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { RecordForm } from "@/features/editing/components/record-form";
import { editorOptions } from "@/features/editing/queries";
import { isRecordKind, recordKinds } from "@/features/editing";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Add a record" };
export const dynamic = "force-dynamic";

export default async function NewRecordPage({ params }: PageProps<"/manage/[kind]/new">) {
  const { kind } = await params;
  await requirePagePermission("edit", `/manage/${encodeURIComponent(kind)}/new`);
  if (!isRecordKind(kind)) notFound();
  const { stakeholders } = await editorOptions();
  const { singular, plural, fields } = recordKinds[kind];
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeading back={{ href: `/manage/${kind}`, label: plural }}>Add a {singular}</PageHeading>
      <RecordForm
        kind={kind}
        fields={fields}
        record={null}
        stakeholders={stakeholders}
        submitLabel={`Add ${singular}`}
      />
    </div>
  );
}
