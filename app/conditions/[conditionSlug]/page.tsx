import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { feedAlternates } from "@/features/changes/schemas";
import { WatchControl } from "@/features/watches/components/watch-control";
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
  const [t, pledgeWords] = await Promise.all([
    getTranslations("profiles.condition"),
    getTranslations("pledges"),
  ]);
  // "Condition", as the pledge list's filter names it (French writes it as English does).
  if (!(await mayRead())) return { title: pledgeWords("filters.condition") };
  const profile = await loadProfile((await params).conditionSlug);
  if (!profile) return { title: t("notFound") };
  return {
    title: profile.condition.title,
    alternates: feedAlternates(
      { condition: profile.condition.slug },
      t("feedTitle", { title: profile.condition.title }),
    ),
  };
}

export default async function ConditionPage({ params }: PageProps<"/conditions/[conditionSlug]">) {
  const { conditionSlug } = await params;
  await requirePagePermission("read", `/conditions/${encodeURIComponent(conditionSlug)}`);
  const profile = await loadProfile(conditionSlug);
  if (!profile) notFound();
  return (
    <ProfileFrame>
      <ConditionProfileView
        profile={profile}
        watch={
          <WatchControl
            subject="condition"
            target={profile.condition.id}
            returnTo={`/conditions/${encodeURIComponent(conditionSlug)}`}
          />
        }
      />
    </ProfileFrame>
  );
}
