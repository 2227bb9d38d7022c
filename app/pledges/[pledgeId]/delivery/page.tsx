import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/ui/page-heading";
import { DeliveryForm } from "@/features/editing/components/delivery-form";
import { editorOptions, pledgeToEdit } from "@/features/editing/queries";
import { formatDelivered, formatPledgeQuantity } from "@/lib/format";

export const metadata: Metadata = { title: "Record a delivery" };
export const dynamic = "force-dynamic";

export default async function PledgeDeliveryPage({ params }: PageProps<"/pledges/[pledgeId]/delivery">) {
  const pledge = await pledgeToEdit((await params).pledgeId, "delivery");
  const { sources } = await editorOptions();
  const delivered = formatDelivered(pledge.deliveredQuantity, pledge.quantityUnit);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeading back={{ href: `/pledges/${pledge.id}`, label: pledge.title }}>
        Record a delivery
      </PageHeading>
      {pledge.quantityUnit ? (
        <>
          <p>
            Pledged: <strong>{formatPledgeQuantity(pledge) ?? "no number stated"}</strong>. Delivered so far:{" "}
            <strong>{delivered ?? "nothing recorded"}</strong>. The delivery is added to the pledge&apos;s
            figures over time, dated the day you give, with your name, the note and the source.
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
        <p>
          This pledge states no quantity, so a delivery cannot be counted against it.{" "}
          <Link href={`/pledges/${pledge.id}/edit`} className="link">
            Give its quantity and unit first
          </Link>
          .
        </p>
      )}
    </div>
  );
}
