import type { Metadata } from "next";
import Link from "next/link";
import { EndpointForm, PrivateTargetsForm } from "@/features/webhooks/components/webhook-forms";
import { FailedEndpointsNotice } from "@/features/webhooks/components/failed-endpoints-notice";
import { listEndpoints, readAllowPrivateTargets, readFailedEndpoints } from "@/features/webhooks/queries";
import { eventsOfColumn } from "@/lib/rules/webhooks";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Webhooks" };
export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  await requirePagePermission("admin", "/admin/webhooks");
  const [endpoints, failed, allowPrivate] = await Promise.all([
    listEndpoints(),
    readFailedEndpoints(),
    readAllowPrivateTargets(),
  ]);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="note">
          <Link href="/admin" className="underline">
            Admin
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="max-w-prose">
          Each change to a pledge, condition, stakeholder, source, requirement or capacity reference is sent
          to the endpoints that asked for it, as JSON signed per{" "}
          <a href="https://www.standardwebhooks.com/" className="underline">
            Standard Webhooks
          </a>{" "}
          (<code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>). A
          delivery that fails is tried again, waiting longer each time, for a day; then the endpoint is
          disabled and you are told here.
        </p>
      </div>
      <FailedEndpointsNotice endpoints={failed} />
      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <p>No endpoints yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Events</th>
                  <th scope="col">State</th>
                  <th scope="col" className="text-right">
                    Waiting
                  </th>
                  <th scope="col" className="text-right">
                    Delivered
                  </th>
                  <th scope="col" className="text-right">
                    Given up
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
                      <td>{events === "all" ? "every event" : events.join(", ")}</td>
                      <td>
                        {endpoint.disabledAt ? `disabled ${formatDateTime(endpoint.disabledAt)}` : "enabled"}
                      </td>
                      <td className="text-right tabular-nums">{endpoint.pending}</td>
                      <td className="text-right tabular-nums">{endpoint.delivered}</td>
                      <td className="text-right tabular-nums">{endpoint.failed}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="font-semibold">New endpoint</h3>
        <EndpointForm allowPrivate={allowPrivate} />
      </section>
      <section aria-labelledby="private-heading" className="space-y-3">
        <h2 id="private-heading" className="text-lg font-semibold">
          Private addresses
        </h2>
        <PrivateTargetsForm allow={allowPrivate} />
      </section>
    </div>
  );
}
