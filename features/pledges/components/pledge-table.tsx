import { formatDelivered, formatPledgeQuantity, shownDay } from "@/lib/format";
import { categoryLabels, pledgeStatusLabels, roleLabels } from "@/lib/rules/vocabulary";
import { exceedsPledge, type PledgeListItem } from "../index";
import { announcedDateTexts } from "./announced-date";
import { PledgeRowsTable, type PledgeRowView, type PledgeTableProps } from "./pledge-rows-table";

/**
 * A row as the table shows it, its dates and amounts written here, on the server: the table's
 * client code then loads no Intl formatter (a phone's first costs it some 200 ms as the page
 * becomes interactive), and its rows carry only what they show.
 */
function rowView(pledge: PledgeListItem): PledgeRowView {
  return {
    id: pledge.id,
    title: pledge.title,
    category: categoryLabels[pledge.category],
    stakeholders: pledge.stakeholders.map((s) => ({
      slug: s.slug,
      name: s.name,
      role: roleLabels[s.role].toLowerCase(),
    })),
    quantity: formatPledgeQuantity(pledge.quantity),
    delivered:
      pledge.delivered !== null && pledge.delivered > 0n
        ? formatDelivered(pledge.delivered, pledge.quantity.quantityUnit)
        : null,
    exceeds: exceedsPledge(pledge),
    status: pledge.effective.status,
    lifecycle: pledgeStatusLabels[pledge.status],
    blockedBy: pledge.effective.blockedBy.map((c) => ({ id: c.id, slug: c.slug, title: c.title })),
    announced: announcedDateTexts(pledge),
    due: pledge.dueOn ? shownDay(pledge.dueOn) : null,
    lastChange: pledge.lastChange ? shownDay(pledge.lastChange) : null,
  };
}

/** Pledges, a row each (a card each on a phone); on the list page, sortable by its column headings. */
export function PledgeTable({ rows, ...table }: Omit<PledgeTableProps, "rows"> & { rows: PledgeListItem[] }) {
  return <PledgeRowsTable rows={rows.map(rowView)} {...table} />;
}
