import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/i18n/client-messages";
import { notFound } from "next/navigation";
import { DeleteEndpointForm, EndpointStateForm } from "@/features/webhooks/components/webhook-forms";
import { getEndpoint } from "@/features/webhooks/queries";
import { endpointIdSchema } from "@/features/webhooks/schemas";
import { eventsOfColumn } from "@/lib/rules/webhooks";
import { formatDateTime } from "@/lib/format";
import { wordedIn } from "@/i18n/translate";
import { requirePagePermission } from "@/server/access";
import { codeTag } from "@/components/ui/rich-tags";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("endpointTitle") };
}
export const dynamic = "force-dynamic";

/** Between the breadcrumb's links: a sign, the same in every language. */
const breadcrumbSeparator = " › ";

export default async function EndpointPage({ params }: PageProps<"/admin/webhooks/[endpointId]">) {
  const { endpointId } = await params;
  await requirePagePermission("admin", `/admin/webhooks/${endpointId}`);
  const id = endpointIdSchema.shape.id.safeParse(endpointId);
  const endpoint = id.success ? await getEndpoint(id.data) : null;
  if (!endpoint) notFound();
  const events = eventsOfColumn(endpoint.events);
  const [t, admin, locale] = await Promise.all([
    getTranslations("webhooks"),
    getTranslations("admin"),
    getLocale(),
  ]);
  const when = (date: Date) => formatDateTime(date, locale);
  // Why the worker stopped or a try failed: stored as catalog references, worded for this reader.
  const say = (stored: string) => wordedIn(locale, stored);
  return (
    <ClientMessages namespaces={["webhooks"]}>
      <div className="space-y-8">
        <div className="space-y-2">
          <p className="note">
            <Link href="/admin" className="underline">
              {admin("title")}
            </Link>
            {breadcrumbSeparator}
            <Link href="/admin/webhooks" className="underline">
              {t("title")}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight break-all">{endpoint.url}</h1>
          {endpoint.description ? <p>{endpoint.description}</p> : null}
        </div>
        <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("events")}</dt>
          <dd>{events === "all" ? t("everyEvent") : events.join(", ")}</dd>
          <dt className="font-medium">{t("state")}</dt>
          <dd className="space-y-2">
            <p>
              {endpoint.disabledAt
                ? endpoint.disabledReason
                  ? t("disabledBecause", {
                      date: when(endpoint.disabledAt),
                      reason: say(endpoint.disabledReason),
                    })
                  : t("disabledByAdmin", { date: when(endpoint.disabledAt) })
                : t("enabledState")}
            </p>
            <EndpointStateForm id={endpoint.id} enabled={endpoint.disabledAt === null} />
          </dd>
          <dt className="font-medium">{t("signingSecret")}</dt>
          <dd>
            <code className="break-all">{endpoint.secret}</code>
            <p className="note">{t.rich("secretNote", { code: codeTag })}</p>
          </dd>
        </dl>
        <section aria-labelledby="log-heading" className="space-y-3">
          <h2 id="log-heading" className="text-lg font-semibold">
            {t("deliveryLog", { count: endpoint.deliveries.length })}
          </h2>
          {endpoint.deliveries.length === 0 ? (
            <p>{t("nothingQueued")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("message")}</th>
                    <th scope="col">{t("event")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col">{t("tries")}</th>
                    <th scope="col">{t("nextTry")}</th>
                  </tr>
                </thead>
                <tbody>
                  {endpoint.deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <td>
                        <code>{delivery.id}</code>
                        <span className="note block">{t("queued", { date: when(delivery.createdAt) })}</span>
                      </td>
                      <td>
                        <code>{delivery.eventType}</code>
                      </td>
                      <td>{t("deliveryState", { state: delivery.state })}</td>
                      <td>
                        {delivery.tries.length === 0 ? (
                          t("noneYet")
                        ) : (
                          <ol className="space-y-1">
                            {delivery.tries.map((attempt) => (
                              <li key={attempt.id}>
                                {t("attempt", {
                                  when: when(attempt.at),
                                  outcome: attempt.error
                                    ? say(attempt.error)
                                    : t("answered", { status: attempt.status ?? "" }),
                                  duration: attempt.durationMs,
                                })}
                              </li>
                            ))}
                          </ol>
                        )}
                      </td>
                      <td>{delivery.state === "pending" ? when(delivery.nextAttemptAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="remove-heading" className="space-y-3">
          <h2 id="remove-heading" className="text-lg font-semibold">
            {t("remove")}
          </h2>
          <DeleteEndpointForm id={endpoint.id} url={endpoint.url} />
        </section>
      </div>
    </ClientMessages>
  );
}
