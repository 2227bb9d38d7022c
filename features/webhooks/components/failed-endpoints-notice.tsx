import Link from "next/link";
import { formatDateTime } from "@/lib/format";

/** Tells admins which endpoints the worker stopped sending to, and why, until they act on them. */
export function FailedEndpointsNotice({
  endpoints,
}: {
  endpoints: { id: string; url: string; disabledAt: Date | null; disabledReason: string | null }[];
}) {
  if (endpoints.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">
        {endpoints.length === 1
          ? "A webhook endpoint was disabled"
          : `${endpoints.length} webhook endpoints were disabled`}{" "}
        after failing for a day:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <Link href={`/admin/webhooks/${endpoint.id}`} className="underline">
              {endpoint.url}
            </Link>
            {endpoint.disabledAt ? `, on ${formatDateTime(endpoint.disabledAt)}` : null}.{" "}
            {endpoint.disabledReason}
          </li>
        ))}
      </ul>
    </div>
  );
}
