import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { feedAlternates } from "@/features/changes/schemas";
import { WatchControl } from "@/features/watches/components/watch-control";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PledgeDetail } from "@/features/pledges/components/pledge-detail";
import { getPledge } from "@/features/pledges/queries";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { roleAllows } from "@/lib/access";
import { mayRead, requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

async function loadPledge(rawId: string) {
  const id = pledgeIdSchema.safeParse(rawId);
  return id.success ? getPledge(id.data) : null;
}

export async function generateMetadata({ params }: PageProps<"/pledges/[pledgeId]">): Promise<Metadata> {
  // The title is the pledge's own: only for those who may read it.
  const t = await getTranslations("pledge");
  if (!(await mayRead())) return { title: t("title") };
  const { pledgeId } = await params;
  const pledge = await loadPledge(pledgeId);
  if (!pledge) return { title: t("notFound") };
  return {
    title: pledge.title,
    alternates: feedAlternates({ pledge: pledgeId }, t("feedTitle", { title: pledge.title })),
  };
}

export default async function PledgePage({ params }: PageProps<"/pledges/[pledgeId]">) {
  const { pledgeId } = await params;
  const principal = await requirePagePermission("read", `/pledges/${encodeURIComponent(pledgeId)}`);
  const pledge = await loadPledge(pledgeId);
  if (!pledge) notFound();
  const [t, common] = await Promise.all([getTranslations("pledge"), getTranslations("common")]);
  return (
    <div className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="no-print text-sm">
        <Link href="/pledges" className="text-blue-800 underline underline-offset-4">
          {common("back", { label: t("allPledges") })}
        </Link>
      </nav>
      {principal && roleAllows(principal.role, "edit") && (
        <nav aria-label={t("editNav")} className="no-print flex gap-3">
          <Link href={`/pledges/${pledge.id}/status`} className="button-primary">
            {t("updateStatus")}
          </Link>
          <Link href={`/pledges/${pledge.id}/delivery`} className="button-secondary">
            {t("recordDelivery")}
          </Link>
          <Link href={`/pledges/${pledge.id}/edit`} className="button-secondary">
            {t("edit")}
          </Link>
          <Link href={`/audit?entity=Pledge&record=${pledge.id}`} className="button-secondary">
            {t("history")}
          </Link>
        </nav>
      )}
      <div className="no-print">
        <WatchControl
          subject="pledge"
          target={pledge.id}
          returnTo={`/pledges/${encodeURIComponent(pledge.id)}`}
        />
      </div>
      <PledgeDetail pledge={pledge} />
    </div>
  );
}
