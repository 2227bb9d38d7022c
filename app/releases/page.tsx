import type { Metadata } from "next";
import Link from "next/link";
import { listReleases, releaseLinks } from "@/features/releases";
import { PublishReleaseForm } from "@/features/releases/components/publish-release-form";
import { roleAllows } from "@/lib/access";
import { counted, formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = {
  title: "Releases",
  alternates: {
    types: { "application/atom+xml": [{ url: "/feeds/releases.atom", title: "Pledgewatch releases" }] },
  },
};
export const dynamic = "force-dynamic";

export default async function ReleasesPage() {
  const principal = await requirePagePermission("read", "/releases");
  const canPublish = principal ? roleAllows(principal.role, "edit") : false;
  const releases = await listReleases();
  const next = (releases[0]?.number ?? 0) + 1;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Releases</h1>
        <p className="max-w-prose">
          A release is what the tracker knew at one moment, published under a number so that it can be cited
          (“Pledgewatch release 3”). Its figures, dashboard and pledge list are shown as known then, however
          the data moves on; its files are kept byte for byte as they were written when it was published, each
          with a SHA-256 checksum (its dataset file is the tables as they were read then). Each release lists
          what changed since the one before, and the corrections recorded after it.
        </p>
        <p className="text-sm">
          <a href="/feeds/releases.atom" className="link" type="application/atom+xml">
            Atom feed of releases
          </a>
        </p>
      </div>
      <section aria-labelledby="releases-heading" className="space-y-3">
        <h2 id="releases-heading" className="text-lg font-semibold">
          {releases.length === 0 ? "No releases yet" : counted(releases.length, "release")}
        </h2>
        {releases.length === 0 ? (
          <p>{canPublish ? "Publish the first one below." : "None has been published yet."}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="release-list">
              <thead>
                <tr>
                  <th scope="col">Release</th>
                  <th scope="col">Known at (UTC)</th>
                  <th scope="col">Published by</th>
                  <th scope="col">Views</th>
                </tr>
              </thead>
              <tbody>
                {releases.map((release) => {
                  const links = releaseLinks(release);
                  return (
                    <tr key={release.number}>
                      <th scope="row" className="text-left font-normal">
                        <Link href={links.page} className="link font-medium">
                          Release {release.number}: {release.title}
                        </Link>
                      </th>
                      <td>
                        <time dateTime={release.knownAt.toISOString()}>
                          {formatDateTime(release.knownAt)}
                        </time>
                      </td>
                      <td>{release.publishedBy}</td>
                      <td className="space-x-3 whitespace-nowrap">
                        <Link href={links.dashboard} className="link">
                          Dashboard
                        </Link>
                        <Link href={links.pledges} className="link">
                          Pledges
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
            Publish release {next}
          </h2>
          <p className="text-sm text-slate-700">
            It freezes what the tracker knows now: the figures, every pledge, and the files below each release
            (briefing, workbook, CSV, data package, dataset and summary).
          </p>
          <PublishReleaseForm next={next} />
        </section>
      )}
    </div>
  );
}
