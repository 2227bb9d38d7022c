import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { PledgeForm } from "@/features/editing/components/pledge-form";
import { editorOptions } from "@/features/editing/queries";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editing"))("newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewPledgePage() {
  await requirePagePermission("edit", "/pledges/new");
  const [options, t] = await Promise.all([editorOptions(), getTranslations("editing")]);
  return (
    <ClientMessages namespaces={["editing", "pledgeField", "validation"]}>
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("newTitle")}</h1>
        <PledgeForm pledge={{ version: 1, text: {}, roles: {}, conditionIds: [] }} options={options} />
      </div>
    </ClientMessages>
  );
}
