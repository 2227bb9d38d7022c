import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  ChangeFiguresTable,
  ConditionChangeList,
  DeletedPledgeList,
  PledgeChangeList,
} from "@/features/changes/components/change-sections";
import { RecordedEntries } from "@/features/changes/components/recorded-entries";
import { defaultMetric } from "@/features/figures/schemas";
import { loadReleasePage, releaseLinks } from "@/features/releases";
import {
  correctionsShown,
  releaseFileLabels,
  releaseNumber,
  type ReleaseFileName,
} from "@/features/releases/schemas";
import { counted, formatDateTime, formatSize } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/releases/[number]">): Promise<Metadata> {
  return { title: `Release ${(await params).number}` };
}

export default async function ReleasePage({ params }: PageProps<"/releases/[number]">) {
  const { number } = await params;
  await requirePagePermission("read", `/releases/${number}`);
  const parsed = releaseNumber.safeParse(number);
  // The changelog in the reader's language, as its tables' headings are (the API's stays English).
  const page = parsed.success ? await loadReleasePage(parsed.data, await getLocale()) : null;
  if (!page) notFound();
  const { release, previous, changelog, corrections } = page;
  const links = releaseLinks(release);
  const knownAt = formatDateTime(release.knownAt);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="note">
          <Link href="/releases" className="underline">
            Releases
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          Release {release.number}: {release.title}
        </h1>
        <p>
          What the tracker knew at <time dateTime={release.knownAt.toISOString()}>{knownAt}</time>, published
          by {release.publishedBy}.
        </p>
        {release.notes && <p className="max-w-prose whitespace-pre-line">{release.notes}</p>}
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <li>
            <Link href={links.dashboard} className="link">
              Its dashboard
            </Link>
          </li>
          <li>
            <Link href={links.pledges} className="link">
              Its pledges
            </Link>
          </li>
          <li>
            <a href={links.api} className="link">
              Its API answer (JSON)
            </a>
          </li>
        </ul>
      </div>

      <section aria-labelledby="files-heading" className="space-y-3">
        <h2 id="files-heading" className="text-lg font-semibold">
          Files
        </h2>
        <p className="max-w-prose text-sm text-slate-700">
          Each file is kept exactly as it was written when the release was published; its address never
          changes. Check a copy against its SHA-256 checksum (<code>sha256sum</code>).
        </p>
        <div className="overflow-x-auto">
          <table className="data-table" data-testid="release-files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="text-right">
                  Size
                </th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {release.files.map((file) => (
                <tr key={file.name}>
                  <th scope="row" className="text-left font-normal">
                    <a href={links.file(file.name)} className="link" download>
                      {releaseFileLabels[file.name as ReleaseFileName] ?? file.name}
                    </a>
                  </th>
                  <td className="text-right tabular-nums">{formatSize(file.size)}</td>
                  <td>
                    <code className="break-all text-xs">{file.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="changes-heading" className="space-y-3">
        <h2 id="changes-heading" className="text-lg font-semibold">
          {previous ? `Changes since release ${previous.number}` : "Changes"}
        </h2>
        {!previous || !changelog ? (
          <p className="text-sm text-slate-700">
            The first release: there is none before it to compare with.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              What the tracker learnt between release {previous.number} ({formatDateTime(previous.knownAt)})
              and this one: each as known at its moment.{" "}
              {changelog.moved === 0
                ? "No pledge moved."
                : `${counted(changelog.moved, "pledge")} moved: ${changelog.kinds}.`}
            </p>
            <ChangeFiguresTable
              lines={changelog.figures}
              startLabel={`Release ${previous.number}`}
              endLabel={`Release ${release.number}`}
            />
            {changelog.conditions.length > 0 && <ConditionChangeList conditions={changelog.conditions} />}
            {changelog.pledges.length > 0 && (
              <PledgeChangeList pledges={changelog.pledges} unitLabel={unitWord(defaultMetric)} />
            )}
            {changelog.moved > changelog.pledges.length && (
              <p className="text-sm">
                The {changelog.pledges.length} largest changes are listed;{" "}
                {counted(changelog.moved - changelog.pledges.length, "more pledge")} moved (the API answer
                lists the same).
              </p>
            )}
            <DeletedPledgeList deleted={changelog.deleted} />
          </>
        )}
      </section>

      <section aria-labelledby="corrections-heading" className="space-y-3">
        <h2 id="corrections-heading" className="text-lg font-semibold">
          Corrections
        </h2>
        <p className="max-w-prose text-sm text-slate-700">
          What was recorded after this release that changes a fact dated on or before its day (UTC), or
          deletes a pledge it held: the release’s files and views stay as they were; these say where they are
          now known to differ.
        </p>
        {corrections.length === 0 ? (
          <p data-testid="no-corrections">No corrections since it was published.</p>
        ) : (
          <>
            <p className="text-sm font-medium" data-testid="correction-count">
              {corrections.length === correctionsShown
                ? `The latest ${correctionsShown} corrections, newest first: there may be more.`
                : `${counted(corrections.length, "correction")}, newest first.`}
            </p>
            <RecordedEntries entries={corrections} testId="corrections" />
          </>
        )}
      </section>
    </div>
  );
}
