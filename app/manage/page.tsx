import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { linkTag } from "@/components/ui/rich-tags";
import { recordKindList } from "@/features/editing";
import { FirstRunChecklist } from "@/features/first-run/components/first-run-checklist";
import { loadFirstSteps } from "@/features/first-run/queries";
import { roleAllows } from "@/lib/access";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("records"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ManagePage() {
  const principal = await requirePagePermission("edit", "/manage");
  const firstRun = principal && roleAllows(principal.role, "admin") ? await loadFirstSteps() : null;
  const t = await getTranslations("records");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {firstRun && <FirstRunChecklist steps={firstRun} />}
      <ul className="list-disc space-y-1 pl-5">
        <li>{t.rich("addPledge", { link: linkTag("/pledges/new") })}</li>
        <li>{t.rich("deletedPledges", { link: linkTag("/pledges/deleted") })}</li>
        {recordKindList.map((kind) => (
          <li key={kind}>
            <Link href={`/manage/${kind}`} className="link">
              {t("plural", { kind })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
