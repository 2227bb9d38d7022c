import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteEndpointForm, EndpointStateForm } from "@/features/webhooks/components/webhook-forms";
import { getEndpoint } from "@/features/webhooks/queries";
import { endpointIdSchema } from "@/features/webhooks/schemas";
import { eventsOfColumn } from "@/lib/rules/webhooks";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Webhook endpoint" };
export const dynamic = "force-dynamic";

const stateWords = { pending: "waiting", delivered: "delivered", failed: "given up" } as Record<
  string,
  string
>;

export default async function EndpointPage({ params }: PageProps<"/admin/webhooks/[endpointId]">) {
  const { endpointId } = await params;
  await requirePagePermission("admin", `/admin/webhooks/${endpointId}`);
  const id = endpointIdSchema.shape.id.safeParse(endpointId);
  const endpoint = id.success ? await getEndpoint(id.data) : null;
  if (!endpoint) notFound();
  const events = eventsOfColumn(endpoint.events);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="note">
          <Link href="/admin" className="underline">
            Admin
          </Link>{" "}
          ›{" "}
          <Link href="/admin/webhooks" className="underline">
            Webhooks
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-all">{endpoint.url}</h1>
        {endpoint.description ? <p>{endpoint.description}</p> : null}
      </div>
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Events</dt>
        <dd>{events === "all" ? "every event" : events.join(", ")}</dd>
        <dt className="font-medium">State</dt>
        <dd className="space-y-2">
          <p>
            {endpoint.disabledAt
              ? `Disabled ${formatDateTime(endpoint.disabledAt)}${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : " by an admin."}`
              : "Enabled"}
          </p>
          <EndpointStateForm id={endpoint.id} enabled={endpoint.disabledAt === null} />
        </dd>
        <dt className="font-medium">Signing secret</dt>
        <dd>
          <code className="break-all">{endpoint.secret}</code>
          <p className="note">
            The receiver checks each message&apos;s <code>webhook-signature</code> with it (any Standard
            Webhooks library does), and refuses a <code>webhook-timestamp</code> more than five minutes off.
          </p>
        </dd>
      </dl>
      <section aria-labelledby="log-heading" className="space-y-3">
        <h2 id="log-heading" className="text-lg font-semibold">
          Delivery log (latest {endpoint.deliveries.length})
        </h2>
        {endpoint.deliveries.length === 0 ? (
          <p>Nothing has been queued for this endpoint yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Message</th>
                  <th scope="col">Event</th>
                  <th scope="col">State</th>
                  <th scope="col">Tries</th>
                  <th scope="col">Next try</th>
                </tr>
              </thead>
              <tbody>
                {endpoint.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      <code>{delivery.id}</code>
                      <span className="note block">queued {formatDateTime(delivery.createdAt)}</span>
                    </td>
                    <td>
                      <code>{delivery.eventType}</code>
                    </td>
                    <td>{stateWords[delivery.state] ?? delivery.state}</td>
                    <td>
                      {delivery.tries.length === 0 ? (
                        "none yet"
                      ) : (
                        <ol className="space-y-1">
                          {delivery.tries.map((attempt) => (
                            <li key={attempt.id}>
                              {formatDateTime(attempt.at)}: {attempt.error ?? `answered ${attempt.status}`} (
                              {attempt.durationMs} ms)
                            </li>
                          ))}
                        </ol>
                      )}
                    </td>
                    <td>{delivery.state === "pending" ? formatDateTime(delivery.nextAttemptAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="remove-heading" className="space-y-3">
        <h2 id="remove-heading" className="text-lg font-semibold">
          Remove
        </h2>
        <DeleteEndpointForm id={endpoint.id} url={endpoint.url} />
      </section>
    </div>
  );
}
