import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { RecordForm } from "@/features/editing/components/record-form";
import { editorOptions } from "@/features/editing/queries";
import { isRecordKind, recordKinds } from "@/features/editing";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records"))("newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewRecordPage({ params }: PageProps<"/manage/[kind]/new">) {
  const { kind } = await params;
  await requirePagePermission("edit", `/manage/${encodeURIComponent(kind)}/new`);
  if (!isRecordKind(kind)) notFound();
  const [{ stakeholders }, t] = await Promise.all([editorOptions(), getTranslations("records")]);
  const { fields } = recordKinds[kind];
  return (
    <ClientMessages namespaces={["records", "validation"]}>
      <div className="max-w-2xl space-y-4">
        <PageHeading back={{ href: `/manage/${kind}`, label: t("plural", { kind }) }}>
          {t("add", { kind })}
        </PageHeading>
        <RecordForm
          kind={kind}
          fields={fields}
          record={null}
          stakeholders={stakeholders}
          submitLabel={t("addShort", { kind })}
        />
      </div>
    </ClientMessages>
  );
}
