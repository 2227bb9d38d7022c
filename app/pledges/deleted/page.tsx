import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { linkTag } from "@/components/ui/rich-tags";
import { ClientMessages } from "@/i18n/client-messages";
import { RestoreForm } from "@/features/editing/components/restore-form";
import { listDeletedPledges } from "@/features/editing/queries";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { AnnouncedDate } from "@/features/pledges/components/announced-date";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editing.deleted"))("deletedTitle") };
}
export const dynamic = "force-dynamic";

export default async function DeletedPledgesPage() {
  await requirePagePermission("edit", "/pledges/deleted");
  const [pledges, t, editing, common, locale] = await Promise.all([
    listDeletedPledges(),
    getTranslations("editing.deleted"),
    getTranslations("editing"),
    getTranslations("common"),
    getLocale(),
  ]);
  return (
    <ClientMessages namespaces={["editing"]}>
      <div className="space-y-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("deletedTitle")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("deletedIntro")}</p>
        </div>
        {pledges.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
            {t("noneDeleted")} {linkTag("/pledges")(common("backToPledges"))}
          </p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("deletedCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="p-2">
                  {t("pledge")}
                </th>
                <th scope="col" className="p-2">
                  {t("announced")}
                </th>
                <th scope="col" className="p-2">
                  {t("deleted")}
                </th>
                <th scope="col" className="p-2">
                  {t("by")}
                </th>
                <th scope="col" className="p-2">
                  <span className="sr-only">{editing("restore")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pledges.map((pledge) => (
                <tr key={pledge.id} className="border-b border-slate-100" data-testid="deleted-pledge">
                  <td className="p-2 font-medium">{pledge.title}</td>
                  <td className="p-2">
                    <AnnouncedDate pledge={pledge} />
                  </td>
                  <td className="p-2">{formatDateTime(pledge.deletedAt, locale)}</td>
                  <td className="p-2">{pledge.deletedBy ?? t("unknown")}</td>
                  <td className="p-2 text-right">
                    <RestoreForm id={pledge.id} version={pledge.version} title={pledge.title} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </ClientMessages>
  );
}
