import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { listRecords } from "@/features/editing/queries";
import { isRecordKind, recordKinds } from "@/features/editing";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/manage/[kind]">): Promise<Metadata> {
  const { kind } = await params;
  return { title: isRecordKind(kind) ? recordKinds[kind].plural : "Records" };
}

export default async function RecordListPage({ params }: PageProps<"/manage/[kind]">) {
  const { kind } = await params;
  await requirePagePermission("edit", `/manage/${encodeURIComponent(kind)}`);
  if (!isRecordKind(kind)) notFound();
  const { plural, singular } = recordKinds[kind];
  const rows = await listRecords(kind);
  return (
    <div className="space-y-4">
      <PageHeading back={{ href: "/manage", label: "Records" }}>{plural}</PageHeading>
      <p>
        <Link href={`/manage/${kind}/new`} className="button-secondary inline-block">
          Add a {singular}
        </Link>
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/manage/${kind}/${row.id}`} className="link">
                  {row.label}
                </Link>
              </td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
