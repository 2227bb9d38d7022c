import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { linkTag, strongTag } from "@/components/ui/rich-tags";
import { ClientMessages } from "@/i18n/client-messages";
import { PageHeading } from "@/components/ui/page-heading";
import { DeliveryForm } from "@/features/editing/components/delivery-form";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";
import { formatDelivered, formatPledgeQuantity } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editing"))("deliveryTitle") };
}
export const dynamic = "force-dynamic";

export default async function PledgeDeliveryPage({ params }: PageProps<"/pledges/[pledgeId]/delivery">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "delivery");
  const [{ sources }, t, locale] = await Promise.all([
    editorOptions(),
    getTranslations("editing"),
    getLocale(),
  ]);
  const delivered = formatDelivered(pledge.deliveredQuantity, pledge.quantityUnit, locale);
  return (
    <ClientMessages namespaces={["editing"]}>
      <div className="max-w-2xl space-y-4">
        <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>
          {t("deliveryTitle")}
        </PageHeading>
        {pledge.quantityUnit ? (
          <>
            <p>
              {t.rich("deliveryIntro", {
                pledged: formatPledgeQuantity(pledge, locale) ?? t("noNumberStated"),
                delivered: delivered ?? t("nothingRecorded"),
                strong: strongTag,
              })}
            </p>
            <DeliveryForm
              id={pledge.id}
              version={pledge.version}
              unit={pledge.quantityUnit}
              deliveredSoFar={delivered}
              sources={sources}
            />
          </>
        ) : (
          <p>{t.rich("noQuantity", { link: linkTag(`/pledges/${pledge.id}/edit`) })}</p>
        )}
      </div>
    </ClientMessages>
  );
}
