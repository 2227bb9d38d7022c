import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/i18n/client-messages";
import { EndpointForm, PrivateTargetsForm } from "@/features/webhooks/components/webhook-forms";
import { FailedEndpointsNotice } from "@/features/webhooks/components/failed-endpoints-notice";
import { listEndpoints, readAllowPrivateTargets, readFailedEndpoints } from "@/features/webhooks/queries";
import { eventsOfColumn } from "@/lib/rules/webhooks";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { codeTag } from "@/components/ui/rich-tags";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("title") };
}
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePagePermission("admin", "/admin/webhooks");
  const [endpoints, failed, allowPrivate, t, admin, locale, format] = await Promise.all([
    listEndpoints(),
    readFailedEndpoints(),
    readAllowPrivateTargets(),
    getTranslations("webhooks"),
    getTranslations("admin"),
    getLocale(),
    getFormatter(),
  ]);
  return (
    <ClientMessages namespaces={["webhooks"]}>
      <div className="space-y-8">
        <div className="space-y-2">
          <p className="note">
            <Link href="/admin" className="underline">
              {admin("title")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="max-w-prose">
            {t.rich("intro", {
              spec: (chunks) => (
                <a href="https://www.standardwebhooks.com/" className="underline">
                  {chunks}
                </a>
              ),
              code: codeTag,
            })}
          </p>
        </div>
        <FailedEndpointsNotice endpoints={failed} />
        <section aria-labelledby="endpoints-heading" className="space-y-3">
          <h2 id="endpoints-heading" className="text-lg font-semibold">
            {t("endpoints")}
          </h2>
          {endpoints.length === 0 ? (
            <p>{t("noEndpoints")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("address")}</th>
                    <th scope="col">{t("events")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col" className="text-right">
                      {t("waiting")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("delivered")}
                    </th>
                    <th scope="col" className="text-right">
                      {t("givenUp")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {endpoints.map((endpoint) => {
                    const events = eventsOfColumn(endpoint.events);
                    return (
                      <tr key={endpoint.id}>
                        <td>
                          <Link href={`/admin/webhooks/${endpoint.id}`} className="underline">
                            {endpoint.url}
                          </Link>
                          {endpoint.description ? (
                            <span className="note block">{endpoint.description}</span>
                          ) : null}
                        </td>
                        <td>{events === "all" ? t("everyEvent") : events.join(", ")}</td>
                        <td>
                          {endpoint.disabledAt
                            ? t("disabledOn", { date: formatDateTime(endpoint.disabledAt, locale) })
                            : t("enabled")}
                        </td>
                        <td className="text-right tabular-nums">{format.number(endpoint.pending)}</td>
                        <td className="text-right tabular-nums">{format.number(endpoint.delivered)}</td>
                        <td className="text-right tabular-nums">{format.number(endpoint.failed)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="font-semibold">{t("newEndpoint")}</h3>
          <EndpointForm allowPrivate={allowPrivate} />
        </section>
        <section aria-labelledby="private-heading" className="space-y-3">
          <h2 id="private-heading" className="text-lg font-semibold">
            {t("privateAddresses")}
          </h2>
          <PrivateTargetsForm allow={allowPrivate} />
        </section>
      </div>
    </ClientMessages>
  );
}
