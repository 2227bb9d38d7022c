import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/features/imports/components/import-wizard";
import { importFieldLabels, importFields } from "@/features/imports";
import { getListedImportMapping, listImportMappings } from "@/features/imports/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportPage() {
  await requirePagePermission("edit", "/import");
  const [saved, t] = await Promise.all([listImportMappings(), getTranslations("imports")]);
  const savedMappings = await Promise.all(
    saved.map(async (m) => ({ name: m.name, mapping: await getListedImportMapping(m.name) })),
  );
  return (
    <ClientMessages namespaces={["imports"]}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          {/* The headers a file's columns are matched by, as the file writes them: in English. */}
          {t("intro", { fields: importFields.map((f) => importFieldLabels[f]).join(", ") })}
        </p>
        <ImportWizard savedMappings={savedMappings} />
      </div>
    </ClientMessages>
  );
}
