import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReadAgainForm } from "@/features/intake/components/read-again-form";
import { ReviewQueue } from "@/features/intake/components/review-queue";
import { getDecisionChoices, getIntakeSource } from "@/features/intake/queries";
import { formatSize, isoDay } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { intakeModelFromEnv } from "@/server/env";

export const metadata: Metadata = { title: "Review a source" };
export const dynamic = "force-dynamic";

export default async function IntakeReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ sourceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sourceId } = await params;
  await requirePagePermission("edit", `/intake/${sourceId}`);
  const [intake, choices, query] = await Promise.all([
    getIntakeSource(sourceId),
    getDecisionChoices(),
    searchParams,
  ]);
  if (!intake) notFound();
  const { source, text, suggestions } = intake;
  const model = intakeModelFromEnv()?.model ?? null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/intake" className="link">
            Intake
          </Link>{" "}
          / Review
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{source.title}</h1>
        <p className="text-sm text-slate-800">
          {[
            source.publisher,
            source.publishedOn ? `published ${isoDay(source.publishedOn)}` : "publication date unknown",
            source.fileName,
            formatSize(text.byteSize),
          ]
            .filter(Boolean)
            .join(" · ")}
          {source.url && (
            <>
              {" · "}
              <a href={source.url} className="link" rel="noreferrer noopener">
                original
              </a>
            </>
          )}
          {" · "}
          <Link href={`/manage/source/${source.id}`} className="link">
            edit these details
          </Link>
          {" · "}
          <Link href={`/sources/${source.slug}`} className="link">
            the source&apos;s page
          </Link>
        </p>
        {query.existing && (
          <p
            role="status"
            className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950"
          >
            This text was taken in before: this is the source it already is. Nothing new was stored.
          </p>
        )}
        <p className="note">SHA-256 of the text: {text.sha256}</p>
      </div>
      <ReviewQueue
        text={text.text}
        rows={suggestions}
        choices={choices}
        publishedOn={source.publishedOn ? isoDay(source.publishedOn) : null}
      />
      <section aria-labelledby="read-again-heading" className="max-w-prose space-y-2">
        <h2 id="read-again-heading" className="text-lg font-semibold">
          Read again
        </h2>
        <ReadAgainForm sourceId={source.id} model={model} />
      </section>
    </div>
  );
}
