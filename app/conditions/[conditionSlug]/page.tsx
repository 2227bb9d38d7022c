import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileFrame } from "@/features/profiles/components/profile-frame";
import { ConditionProfileView } from "@/features/profiles/components/condition-profile";
import { getConditionProfile } from "@/features/profiles/queries";
import { slugSchema } from "@/features/pledges/schemas";
import { mayRead, requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

async function loadProfile(raw: string) {
  const slug = slugSchema("identifier").safeParse(raw);
  return slug.success ? getConditionProfile(slug.data) : null;
}

export async function generateMetadata({
  params,
}: PageProps<"/conditions/[conditionSlug]">): Promise<Metadata> {
  if (!(await mayRead())) return { title: "Condition" };
  const profile = await loadProfile((await params).conditionSlug);
  return { title: profile?.condition.title ?? "Condition not found" };
}

export default async function ConditionPage({ params }: PageProps<"/conditions/[conditionSlug]">) {
  const { conditionSlug } = await params;
  await requirePagePermission("read", `/conditions/${encodeURIComponent(conditionSlug)}`);
  const profile = await loadProfile(conditionSlug);
  if (!profile) notFound();
  return (
    <ProfileFrame>
      <ConditionProfileView profile={profile} />
    </ProfileFrame>
  );
}
