import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { linkTag } from "@/components/ui/rich-tags";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { AuditSection } from "@/features/audit/components/audit-section";
import { listAudit } from "@/features/audit/queries";
import { DeleteSection } from "@/features/editing/components/delete-form";
import { PledgeForm } from "@/features/editing/components/pledge-form";
import { pledgeFormText } from "@/features/editing";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editing"))("editTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditPledgePage({ params }: PageProps<"/pledges/[pledgeId]/edit">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "edit");
  const [options, t, trail] = await Promise.all([
    editorOptions(),
    getTranslations("editing"),
    listAudit(
      { entity: "Pledge", record: pledge.id, page: 1 },
      { seesAccounts: false },
      20,
      await getLocale(),
    ),
  ]);
  return (
    <ClientMessages namespaces={["editing", "pledgeField", "validation"]}>
      <div className="max-w-3xl space-y-6">
        <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>
          {t("editTitle")}
        </PageHeading>
        <p className="note">
          {t.rich("editVersion", { version: pledge.version, link: linkTag(`/pledges/${pledge.id}/status`) })}
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
          label={t("deletePledge")}
          explanation={t("deleteExplanation")}
        />
        <AuditSection
          title={t("auditTrail")}
          lines={trail.rows}
          total={trail.total}
          href={`/audit?entity=Pledge&record=${pledge.id}`}
        />
      </div>
    </ClientMessages>
  );
}
