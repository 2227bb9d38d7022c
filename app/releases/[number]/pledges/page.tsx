import { releaseViewAddress } from "@/features/releases";
import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

/** A release's pledge list: the same view as known at its moment, however the data moves on. */
export default async function ReleasePledges({ params }: PageProps<"/releases/[number]/pledges">) {
  redirect(await releaseViewAddress((await params).number, "pledges"));
}
