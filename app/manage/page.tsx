import type { Metadata } from "next";
import Link from "next/link";
import { recordKindList, recordKinds } from "@/features/editing";
import { FirstRunChecklist } from "@/features/first-run/components/first-run-checklist";
import { loadFirstSteps } from "@/features/first-run/queries";
import { roleAllows } from "@/lib/access";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Records" };
export const dynamic = "force-dynamic";

export default async function ManagePage() {
  const principal = await requirePagePermission("edit", "/manage");
  const firstRun = principal && roleAllows(principal.role, "admin") ? await loadFirstSteps() : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Records</h1>
      {firstRun && <FirstRunChecklist steps={firstRun} />}
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <Link href="/pledges/new" className="link">
            Add a pledge
          </Link>{" "}
          (edit a pledge or update its status from its page)
        </li>
        <li>
          <Link href="/pledges/deleted" className="link">
            Recently deleted pledges
          </Link>{" "}
          (restore one)
        </li>
        {recordKindList.map((kind) => (
          <li key={kind}>
            <Link href={`/manage/${kind}`} className="link">
              {recordKinds[kind].plural}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
