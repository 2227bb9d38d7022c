import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { notFound } from "next/navigation";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import { AuditSection } from "@/features/audit/components/audit-section";
import { listAudit } from "@/features/audit/queries";
import type { AuditFilters } from "@/features/audit/schemas";
import { DeleteSection } from "@/features/editing/components/delete-form";
import { RecordForm } from "@/features/editing/components/record-form";
import { StatusForm } from "@/features/editing/components/status-form";
import { editorOptions, getCondition, getRecord, pledgesAffectedBy } from "@/features/editing/queries";
import { isRecordKind, recordFormDefaults, recordKinds } from "@/features/editing";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { conditionStatuses } from "@/lib/rules/vocabulary";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records"))("editTitle") };
}
export const dynamic = "force-dynamic";

/** A condition's status update shows first which pledges it affects. */
async function ConditionStatus({ id, sources }: { id: string; sources: { id: string; title: string }[] }) {
  const [condition, affected, t, words] = await Promise.all([
    getCondition(id),
    pledgesAffectedBy(id),
    getTranslations("records"),
    getTranslations("vocabulary"),
  ]);
  if (!condition) return null;
  return (
    <>
      <section aria-labelledby="status-heading" className="space-y-3 border-t border-slate-200 pt-4">
        <h2 id="status-heading" className="text-lg font-semibold">
          {t("status", { status: words(`conditionStatus.${condition.status}`) })}
        </h2>
        <div className="rounded border border-blue-200 bg-blue-50 p-3 text-sm" data-testid="affected-pledges">
          <p className="font-medium">{t("affects", { count: affected.length })}</p>
          <ul className="list-disc pl-5">
            {affected.map((pledge) => (
              <li key={pledge.id}>
                <Link href={`/pledges/${pledge.id}`} className="link">
                  {pledge.title}
                </Link>{" "}
                ({words(`pledgeStatus.${pledge.status}`)})
              </li>
            ))}
          </ul>
        </div>
        <StatusForm
          subject="condition"
          id={condition.id}
          version={condition.version}
          current={condition.status}
          statuses={conditionStatuses.map((value) => ({ value, label: words(`conditionStatus.${value}`) }))}
          sources={sources}
        />
      </section>
      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("statusHistory")}
        </h2>
        <ol className="space-y-3">
          {condition.statusChanges.map((change) => (
            <StatusChangeItem key={change.id} change={change} />
          ))}
        </ol>
      </section>
    </>
  );
}

export default async function RecordPage({ params }: PageProps<"/manage/[kind]/[recordId]">) {
  const { kind, recordId } = await params;
  await requirePagePermission("edit", `/manage/${encodeURIComponent(kind)}/${encodeURIComponent(recordId)}`);
  if (!isRecordKind(kind) || !pledgeIdSchema.safeParse(recordId).success) notFound();
  const record = await getRecord(kind, recordId);
  if (!record) notFound();
  const { fields, entity } = recordKinds[kind];
  const [{ stakeholders, sources }, t, trail] = await Promise.all([
    editorOptions(),
    getTranslations("records"),
    listAudit(
      { entity: entity as AuditFilters["entity"], record: recordId, page: 1 },
      { seesAccounts: false },
      20,
      await getLocale(),
    ),
  ]);
  const name = String(record.title ?? record.name ?? "");
  return (
    <ClientMessages namespaces={["records", "editing", "validation"]}>
      <div className="max-w-2xl space-y-6">
        <PageHeading back={{ href: `/manage/${kind}`, label: t("plural", { kind }) }}>{name}</PageHeading>
        <p className="note">{t("version", { version: record.version })}</p>
        <RecordForm
          kind={kind}
          fields={fields}
          record={{ id: recordId, version: record.version, values: recordFormDefaults(kind, record) }}
          stakeholders={stakeholders}
          submitLabel={t("saveChanges")}
        />
        {kind === "condition" && <ConditionStatus id={recordId} sources={sources} />}
        <DeleteSection
          target={{ kind }}
          id={recordId}
          version={record.version}
          label={t("delete", { kind })}
          explanation={t("deleteExplanation")}
        />
        <AuditSection
          title={t("auditTrail")}
          lines={trail.rows}
          total={trail.total}
          href={`/audit?entity=${entity}&record=${recordId}`}
        />
      </div>
    </ClientMessages>
  );
}
