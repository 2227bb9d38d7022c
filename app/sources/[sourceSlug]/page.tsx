import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileFrame } from "@/features/profiles/components/profile-frame";
import { SourceProfileView } from "@/features/profiles/components/source-profile";
import { getSourceProfile } from "@/features/profiles/queries";
import { slugSchema } from "@/features/pledges/schemas";
import { mayRead, requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

async function loadProfile(raw: string) {
  const slug = slugSchema("identifier").safeParse(raw);
  return slug.success ? getSourceProfile(slug.data) : null;
}

export async function generateMetadata({ params }: PageProps<"/sources/[sourceSlug]">): Promise<Metadata> {
  if (!(await mayRead())) return { title: "Source" };
  const profile = await loadProfile((await params).sourceSlug);
  return { title: profile?.source.title ?? "Source not found" };
}

export default async function SourcePage({ params }: PageProps<"/sources/[sourceSlug]">) {
  const { sourceSlug } = await params;
  await requirePagePermission("read", `/sources/${encodeURIComponent(sourceSlug)}`);
  const profile = await loadProfile(sourceSlug);
  if (!profile) notFound();
  return (
    <ProfileFrame>
      <SourceProfileView profile={profile} />
    </ProfileFrame>
  );
}
