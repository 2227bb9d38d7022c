import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReadAgainForm } from "@/features/intake/components/read-again-form";
import { ReviewQueue } from "@/features/intake/components/review-queue";
import { getDecisionChoices, getIntakeSource } from "@/features/intake/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { formatSize, isoDay } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { intakeModelFromEnv } from "@/server/env";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake.review"))("title") };
}

export default async function IntakeReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ sourceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sourceId } = await params;
  await requirePagePermission("edit", `/intake/${sourceId}`);
  const [intake, choices, query, t, intakeWords, locale] = await Promise.all([
    getIntakeSource(sourceId),
    getDecisionChoices(),
    searchParams,
    getTranslations("intake.review"),
    getTranslations("intake"),
    getLocale(),
  ]);
  if (!intake) notFound();
  const { source, text, suggestions } = intake;
  const model = intakeModelFromEnv()?.model ?? null;
  return (
    <ClientMessages namespaces={["intake"]}>
      <div className="space-y-6">
        <div className="space-y-2">
          <p className="text-sm">
            <Link href="/intake" className="link">
              {intakeWords("title")}
            </Link>{" "}
            / {t("breadcrumb")}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{source.title}</h1>
          <p className="text-sm text-slate-800">
            {[
              source.publisher,
              source.publishedOn
                ? t("published", { date: isoDay(source.publishedOn) })
                : t("publicationDateUnknown"),
              source.fileName,
              formatSize(text.byteSize, locale),
            ]
              .filter(Boolean)
              .join(" · ")}
            {source.url && (
              <>
                {" · "}
                <a href={source.url} className="link" rel="noreferrer noopener">
                  {t("original")}
                </a>
              </>
            )}
            {" · "}
            <Link href={`/manage/source/${source.id}`} className="link">
              {t("editDetails")}
            </Link>
            {" · "}
            <Link href={`/sources/${source.slug}`} className="link">
              {t("sourcePage")}
            </Link>
          </p>
          {query.existing && (
            <p
              role="status"
              className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950"
            >
              {t("existing")}
            </p>
          )}
          <p className="note">{t("sha256", { hash: text.sha256 })}</p>
        </div>
        <ReviewQueue
          text={text.text}
          rows={suggestions}
          choices={choices}
          publishedOn={source.publishedOn ? isoDay(source.publishedOn) : null}
        />
        <section aria-labelledby="read-again-heading" className="max-w-prose space-y-2">
          <h2 id="read-again-heading" className="text-lg font-semibold">
            {t("readAgain")}
          </h2>
          <ReadAgainForm sourceId={source.id} model={model} />
        </section>
      </div>
    </ClientMessages>
  );
}
