import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("profiles.source");
  if (!(await mayRead())) return { title: t("title") };
  const profile = await loadProfile((await params).sourceSlug);
  return { title: profile?.source.title ?? t("notFound") };
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
