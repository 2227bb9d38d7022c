import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import {
  ChangeFiguresTable,
  ConditionChangeList,
  DeletedPledgeList,
  PledgeChangeList,
} from "@/features/changes/components/change-sections";
import { RecordedEntries } from "@/features/changes/components/recorded-entries";
import { defaultMetric } from "@/features/figures/schemas";
import { loadReleasePage, releaseLinks } from "@/features/releases";
import { correctionsShown, releaseNumber, type ReleaseFileName } from "@/features/releases/schemas";
import { formatDateTime, formatSize } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { requirePagePermission } from "@/server/access";
import { codeTag } from "@/components/ui/rich-tags";

export const dynamic = "force-dynamic";

/** Each file's words in the catalog (`releases.files.…`): its name without the extension. */
const fileKeys = {
  "briefing.pdf": "briefing",
  "report.xlsx": "report",
  "pledges.csv": "pledges",
  "datapackage.zip": "datapackage",
  "summary.json": "summary",
  "dataset.json": "dataset",
} as const satisfies Record<ReleaseFileName, string>;

/** The checksum's name, the same in every language. */
const checksumName = "SHA-256";

export async function generateMetadata({ params }: PageProps<"/releases/[number]">): Promise<Metadata> {
  const t = await getTranslations("releases");
  return { title: t("releaseName", { number: (await params).number }) };
}

export default async function ReleasePage({ params }: PageProps<"/releases/[number]">) {
  const { number } = await params;
  await requirePagePermission("read", `/releases/${number}`);
  const parsed = releaseNumber.safeParse(number);
  const [t, locale] = await Promise.all([getTranslations("releases"), getLocale()]);
  // The changelog in the reader's language, as its tables' headings are (the API's stays English).
  const page = parsed.success ? await loadReleasePage(parsed.data, locale) : null;
  if (!page) notFound();
  const { release, previous, changelog, corrections } = page;
  const links = releaseLinks(release);
  const knownAt = formatDateTime(release.knownAt, locale);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="note">
          <Link href="/releases" className="underline">
            {t("title")}
          </Link>
        </p>
        {/* The release as published: its title and notes stay as they were written. */}
        <h1 className="text-2xl font-semibold tracking-tight">
          {t("releaseTitle", { number: release.number, title: release.title })}
        </h1>
        <p>
          {t.rich("page.knownBy", {
            when: knownAt,
            name: release.publishedBy,
            time: (chunks: ReactNode) => <time dateTime={release.knownAt.toISOString()}>{chunks}</time>,
          })}
        </p>
        {release.notes && <p className="max-w-prose whitespace-pre-line">{release.notes}</p>}
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li>
            <Link href={links.dashboard} className="link">
              {t("page.itsDashboard")}
            </Link>
          </li>
          <li>
            <Link href={links.pledges} className="link">
              {t("page.itsPledges")}
            </Link>
          </li>
          <li>
            <a href={links.api} className="link">
              {t("page.itsApi")}
            </a>
          </li>
        </ul>
      </div>

      <section aria-labelledby="files-heading" className="space-y-3">
        <h2 id="files-heading" className="text-lg font-semibold">
          {t("page.files")}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t.rich("page.filesText", { code: codeTag })}</p>
        <div className="overflow-x-auto">
          <table className="data-table" data-testid="release-files">
            <thead>
              <tr>
                <th scope="col">{t("page.file")}</th>
                <th scope="col" className="text-right">
                  {t("page.size")}
                </th>
                <th scope="col">{checksumName}</th>
              </tr>
            </thead>
            <tbody>
              {release.files.map((file) => {
                const key = fileKeys[file.name as ReleaseFileName];
                return (
                  <tr key={file.name}>
                    <th scope="row" className="text-left font-normal">
                      <a href={links.file(file.name)} className="link" download>
                        {key ? t(`files.${key}`) : file.name}
                      </a>
                    </th>
                    <td className="text-right tabular-nums">{formatSize(file.size, locale)}</td>
                    <td>
                      <code className="break-all text-xs">{file.sha256}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold">
          {previous ? t("page.changesSince", { number: previous.number }) : t("page.changes")}
        </h2>
        {!previous || !changelog ? (
          <p className="text-sm text-slate-700">{t("page.first")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {t("page.learnt", {
                number: previous.number,
                when: formatDateTime(previous.knownAt, locale),
              })}{" "}
              {changelog.moved === 0
                ? t("page.noneMoved")
                : t("page.moved", { count: changelog.moved, kinds: changelog.kinds })}
            </p>
            <ChangeFiguresTable
              lines={changelog.figures}
              startLabel={t("page.figuresAt", { number: previous.number })}
              endLabel={t("page.figuresAt", { number: release.number })}
            />
            {changelog.conditions.length > 0 && <ConditionChangeList conditions={changelog.conditions} />}
            {changelog.pledges.length > 0 && (
              <PledgeChangeList
                pledges={changelog.pledges}
                unitLabel={unitWord(defaultMetric, undefined, locale)}
              />
            )}
            {changelog.moved > changelog.pledges.length && (
              <p className="text-sm">
                {t("page.largest", {
                  shown: changelog.pledges.length,
                  count: changelog.moved - changelog.pledges.length,
                })}
              </p>
            )}
            <DeletedPledgeList deleted={changelog.deleted} />
          </>
        )}
      </section>

      <section aria-labelledby="corrections-heading" className="space-y-3">
        <h2 id="corrections-heading" className="text-lg font-semibold">
          {t("page.corrections")}
        </h2>
        <p className="max-w-prose text-sm text-slate-700">{t("page.correctionsText")}</p>
        {corrections.length === 0 ? (
          <p data-testid="no-corrections">{t("page.noCorrections")}</p>
        ) : (
          <>
            <p className="text-sm font-medium" data-testid="correction-count">
              {corrections.length === correctionsShown
                ? t("page.latestCorrections", { count: correctionsShown })
                : t("page.correctionCount", { count: corrections.length })}
            </p>
            <RecordedEntries entries={corrections} testId="corrections" />
          </>
        )}
      </section>
    </div>
  );
}
