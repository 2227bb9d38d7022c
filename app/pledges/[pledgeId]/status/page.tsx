import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusForm } from "@/features/editing/components/status-form";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";
import { pledgeStatuses } from "@/lib/rules/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editing"))("statusTitle") };
}
export const dynamic = "force-dynamic";

export default async function PledgeStatusPage({ params }: PageProps<"/pledges/[pledgeId]/status">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "status");
  const [{ sources }, t, words] = await Promise.all([
    editorOptions(),
    getTranslations("editing"),
    getTranslations("vocabulary"),
  ]);
  return (
    <ClientMessages namespaces={["editing"]}>
      <div className="max-w-2xl space-y-4">
        <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>
          {t("statusHeading")}
        </PageHeading>
        <StatusForm
          subject="pledge"
          id={pledge.id}
          version={pledge.version}
          current={pledge.status}
          statuses={pledgeStatuses.map((value) => ({ value, label: words(`pledgeStatus.${value}`) }))}
          sources={sources}
        />
      </div>
    </ClientMessages>
  );
}
