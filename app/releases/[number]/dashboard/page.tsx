import { releaseViewAddress } from "@/features/releases";
import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

/** A release's dashboard: the same view as known at its moment, however the data moves on. */
export default async function ReleaseDashboard({ params }: PageProps<"/releases/[number]/dashboard">) {
  redirect(await releaseViewAddress((await params).number, "dashboard"));
}
