import { useTranslations } from "next-intl";
import { linkTag } from "@/components/ui/rich-tags";
import { PledgeTable } from "@/features/pledges/components/pledge-table";
import { ClientMessages } from "@/i18n/client-messages";

type PledgeRows = Parameters<typeof PledgeTable>[0]["rows"];

/** A profile's pledges: the first of them, and a link to them all in the pledge list. */
export function ProfilePledges({
  headingId,
  heading,
  pledges,
  listHref,
  none,
}: {
  headingId: string;
  heading: string;
  pledges: { total: number; rows: PledgeRows };
  /** The pledge list filtered to them. */
  listHref: `/pledges?${string}`;
  /** Said when there are none. */
  none: string;
}) {
  const t = useTranslations("profiles");
  return (
    // The table's words (a client component's) go to the browser with the page.
    <ClientMessages namespaces={["pledges"]}>
      <section aria-labelledby={headingId} className="space-y-2">
        <h2 id={headingId} className="text-base font-semibold">
          {heading} ({pledges.total})
        </h2>
        {pledges.total > pledges.rows.length && (
          <p className="text-sm">
            {t.rich("firstOf", {
              shown: pledges.rows.length,
              total: pledges.total,
              link: linkTag(listHref),
            })}
          </p>
        )}
        {pledges.total === 0 ? <p className="text-sm">{none}</p> : <PledgeTable rows={pledges.rows} />}
      </section>
    </ClientMessages>
  );
}
