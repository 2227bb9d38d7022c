import { useLocale } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDelivered, formatPledgeQuantity, shownDay } from "@/lib/format";
import { exceedsPledge, type PledgeListItem } from "../index";
import { announcedDateTexts } from "./announced-date";
import { PledgeRowsTable, type PledgeRowView, type PledgeTableProps } from "./pledge-rows-table";

/**
 * A row as the table shows it, its dates and amounts written here, on the server: the table's
 * client code then loads no Intl formatter (a phone's first costs it some 200 ms as the page
 * becomes interactive), and its rows carry only what they show.
 */
function rowView(pledge: PledgeListItem, locale: Locale): PledgeRowView {
  const t = translator(locale);
  return {
    id: pledge.id,
    title: pledge.title,
    category: t(`vocabulary.category.${pledge.category}`),
    stakeholders: pledge.stakeholders.map((s) => ({
      slug: s.slug,
      name: s.name,
      role: t(`vocabulary.role.${s.role}`).toLocaleLowerCase(locale),
    })),
    quantity: formatPledgeQuantity(pledge.quantity, locale),
    delivered:
      pledge.delivered !== null && pledge.delivered > 0n
        ? formatDelivered(pledge.delivered, pledge.quantity.quantityUnit, locale)
        : null,
    exceeds: exceedsPledge(pledge),
    status: pledge.effective.status,
    lifecycle: t(`vocabulary.pledgeStatus.${pledge.status}`),
    blockedBy: pledge.effective.blockedBy.map((c) => ({ id: c.id, slug: c.slug, title: c.title })),
    announced: announcedDateTexts(pledge, locale),
    due: pledge.dueOn ? shownDay(pledge.dueOn, locale) : null,
    lastChange: pledge.lastChange ? shownDay(pledge.lastChange, locale) : null,
  };
}

/** Pledges, a row each (a card each on a phone); on the list page, sortable by its column headings. */
export function PledgeTable({ rows, ...table }: Omit<PledgeTableProps, "rows"> & { rows: PledgeListItem[] }) {
  const locale = useLocale();
  return <PledgeRowsTable rows={rows.map((row) => rowView(row, locale))} {...table} />;
}
