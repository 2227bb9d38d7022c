import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { useValidationWording } from "@/i18n/use-wording";
import { worded } from "@/lib/validation-message";

/** Tells admins which endpoints the worker stopped sending to, and why, until they act on them. */
export function FailedEndpointsNotice({
  endpoints,
}: {
  endpoints: { id: string; url: string; disabledAt: Date | null; disabledReason: string | null }[];
}) {
  const t = useTranslations("webhooks");
  const locale = useLocale();
  // Stored as a catalog reference (the worker's), worded here; rendered on the server only.
  const word = useValidationWording();
  if (endpoints.length === 0) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">{t("disabledNotice", { count: endpoints.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <Link href={`/admin/webhooks/${endpoint.id}`} className="underline">
              {endpoint.url}
            </Link>
            {endpoint.disabledAt ? t("onDate", { date: formatDateTime(endpoint.disabledAt, locale) }) : null}.{" "}
            {endpoint.disabledReason ? worded(endpoint.disabledReason, word) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
