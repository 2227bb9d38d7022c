import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listReleases, releaseLinks } from "@/features/releases";
import { PublishReleaseForm } from "@/features/releases/components/publish-release-form";
import { ClientMessages } from "@/i18n/client-messages";
import { roleAllows } from "@/lib/access";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("releases");
  return {
    title: t("title"),
    alternates: {
      types: { "application/atom+xml": [{ url: "/feeds/releases.atom", title: t("feedTitle") }] },
    },
  };
}
export const dynamic = "force-dynamic";

export default async function ReleasesPage() {
  const principal = await requirePagePermission("read", "/releases");
  const canPublish = principal ? roleAllows(principal.role, "edit") : false;
  const [releases, t, pledgeWords, locale] = await Promise.all([
    listReleases(),
    getTranslations("releases"),
    getTranslations("pledges"),
    getLocale(),
  ]);
  const next = (releases[0]?.number ?? 0) + 1;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
        <p className="text-sm">
          <a href="/feeds/releases.atom" className="link" type="application/atom+xml">
            {t("feed")}
          </a>
        </p>
      </div>
      <section aria-labelledby="releases-heading" className="space-y-3">
        <h2 id="releases-heading" className="text-lg font-semibold">
          {releases.length === 0 ? t("noneYet") : t("count", { count: releases.length })}
        </h2>
        {releases.length === 0 ? (
          <p>{canPublish ? t("publishFirst") : t("noneForReaders")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="release-list">
              <thead>
                <tr>
                  <th scope="col">{t("column.release")}</th>
                  <th scope="col">{t("column.knownAt")}</th>
                  <th scope="col">{t("column.publishedBy")}</th>
                  <th scope="col">{t("column.views")}</th>
                </tr>
              </thead>
              <tbody>
                {releases.map((release) => {
                  const links = releaseLinks(release);
                  return (
                    <tr key={release.number}>
                      <th scope="row" className="text-left font-normal">
                        <Link href={links.page} className="link font-medium">
                          {t("releaseTitle", { number: release.number, title: release.title })}
                        </Link>
                      </th>
                      <td>
                        <time dateTime={release.knownAt.toISOString()}>
                          {formatDateTime(release.knownAt, locale)}
                        </time>
                      </td>
                      <td>{release.publishedBy}</td>
                      <td className="space-x-3 whitespace-nowrap">
                        <Link href={links.dashboard} className="link">
                          {t("column.dashboard")}
                        </Link>
                        <Link href={links.pledges} className="link">
                          {pledgeWords("title")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {canPublish && (
        <section
          aria-labelledby="publish-heading"
          className="max-w-2xl space-y-3 rounded border border-slate-200 bg-white p-4"
        >
          <h2 id="publish-heading" className="text-lg font-semibold">
            {t("publish", { number: next })}
          </h2>
          <p className="text-sm text-slate-700">{t("publishText")}</p>
          {/* The form's words, and its fields' (client components'), go to the browser with the page. */}
          <ClientMessages namespaces={["releases"]}>
            <PublishReleaseForm next={next} />
          </ClientMessages>
        </section>
      )}
    </div>
  );
}
