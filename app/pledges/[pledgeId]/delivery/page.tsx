import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryForm } from "@/features/editing/components/delivery-form";
import { editorOptions, pledgeForEdit } from "@/features/editing/queries";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { formatDelivered, formatPledgeQuantity } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Record a delivery" };
export const dynamic = "force-dynamic";

export default async function PledgeDeliveryPage({ params }: PageProps<"/pledges/[pledgeId]/delivery">) {
  const { pledgeId } = await params;
  await requirePagePermission("edit", `/pledges/${encodeURIComponent(pledgeId)}/delivery`);
  const id = pledgeIdSchema.safeParse(pledgeId);
  const pledge = id.success ? await pledgeForEdit(id.data) : null;
  if (!pledge) notFound();
  const { sources } = await editorOptions();
  const delivered = formatDelivered(pledge.deliveredQuantity, pledge.quantityUnit);
  return (
    <div className="max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/pledges/${pledge.id}`} className="link">
          ← {pledge.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Record a delivery</h1>
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
