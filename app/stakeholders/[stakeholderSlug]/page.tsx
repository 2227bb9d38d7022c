import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { feedAlternates } from "@/features/changes/schemas";
import { WatchControl } from "@/features/watches/components/watch-control";
import { ProfileFrame } from "@/features/profiles/components/profile-frame";
import { StakeholderProfileView } from "@/features/profiles/components/stakeholder-profile";
import { getStakeholderProfile } from "@/features/profiles/queries";
import { slugSchema } from "@/features/pledges/schemas";
import { mayRead, requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

async function loadProfile(raw: string) {
  const slug = slugSchema("identifier").safeParse(raw);
  return slug.success ? getStakeholderProfile(slug.data) : null;
}

export async function generateMetadata({
  params,
}: PageProps<"/stakeholders/[stakeholderSlug]">): Promise<Metadata> {
  const t = await getTranslations("profiles.stakeholder");
  if (!(await mayRead())) return { title: t("title") };
  const profile = await loadProfile((await params).stakeholderSlug);
  if (!profile) return { title: t("notFound") };
  return {
    title: profile.stakeholder.name,
    alternates: feedAlternates(
      { stakeholder: profile.stakeholder.slug },
      t("feedTitle", { name: profile.stakeholder.name }),
    ),
  };
}

export default async function StakeholderPage({ params }: PageProps<"/stakeholders/[stakeholderSlug]">) {
  const { stakeholderSlug } = await params;
  await requirePagePermission("read", `/stakeholders/${encodeURIComponent(stakeholderSlug)}`);
  const profile = await loadProfile(stakeholderSlug);
  if (!profile) notFound();
  return (
    <ProfileFrame>
      <StakeholderProfileView
        profile={profile}
        watch={
          <WatchControl
            subject="stakeholder"
            target={profile.stakeholder.id}
            returnTo={`/stakeholders/${encodeURIComponent(stakeholderSlug)}`}
          />
        }
      />
    </ProfileFrame>
  );
}
