import { notFound } from "next/navigation";
import { listRecentPledgeTitles } from "@/features/pledges/queries";
import { requirePagePermission } from "@/server/access";
import { benchBaselineEnabled } from "@/server/env";

export const dynamic = "force-dynamic";

/** The benchmark's yardstick: a bare page reading 50 rows. Exists only when BENCH_BASELINE=1. */
export default async function BenchBaselinePage() {
  await requirePagePermission("read", "/bench/baseline");
  if (!benchBaselineEnabled()) notFound();
  const pledges = await listRecentPledgeTitles(50);
  return (
    <ul>
      {pledges.map((pledge) => (
        <li key={pledge.id}>{pledge.title}</li>
      ))}
    </ul>
  );
}
