import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { IntakeForm } from "@/features/intake/components/intake-form";
import { listIntakeSources } from "@/features/intake/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { formatDateTime, formatSize } from "@/lib/format";
import { intlLocale } from "@/lib/rules/units";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("intake"))("title") };
}

/** The formats a document is read from: named by the catalog, or by their own names. */
const kinds: Record<string, "text" | "webPage" | { name: string }> = {
  "text/plain": "text",
  "text/markdown": { name: "Markdown" },
  "text/html": "webPage",
  "application/pdf": { name: "PDF" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { name: "Word" },
};

export default async function IntakePage() {
  await requirePagePermission("edit", "/intake");
  const [sources, t, locale] = await Promise.all([
    listIntakeSources(),
    getTranslations("intake"),
    getLocale(),
  ]);
  const count = (n: number) => n.toLocaleString(intlLocale(locale));
  const kindName = (mediaType: string) => {
    const kind = kinds[mediaType];
    if (!kind) return mediaType;
    return typeof kind === "string" ? t(`format.${kind}`) : kind.name;
  };
  return (
    <ClientMessages namespaces={["intake"]}>
      <div className="space-y-8">
        <div className="max-w-prose space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p>{t("intro")}</p>
        </div>
        <section aria-labelledby="take-in-heading" className="max-w-3xl space-y-3">
          <h2 id="take-in-heading" className="text-lg font-semibold">
            {t("takeIn")}
          </h2>
          <IntakeForm />
        </section>
        <section aria-labelledby="taken-in-heading" className="space-y-3">
          <h2 id="taken-in-heading" className="text-lg font-semibold">
            {sources.length === 0 ? t("noneTakenIn") : t("takenIn")}
          </h2>
          {sources.length > 0 && (
            <div className="overflow-x-auto">
              <table className="data-table" data-testid="intake-sources">
                <thead>
                  <tr>
                    <th scope="col">{t("sources.source")}</th>
                    <th scope="col">{t("sources.kind")}</th>
                    <th scope="col">{t("sources.takenInAt")}</th>
                    <th scope="col" className="num">
                      {t("sources.waiting")}
                    </th>
                    <th scope="col" className="num">
                      {t("sources.accepted")}
                    </th>
                    <th scope="col" className="num">
                      {t("sources.rejected")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sources.map((row) => (
                    <tr key={row.sourceId}>
                      <th scope="row">
                        <Link href={`/intake/${row.sourceId}`} className="link">
                          {row.source.title}
                        </Link>
                        {row.source.publisher && <span className="note"> · {row.source.publisher}</span>}
                      </th>
                      <td>
                        {kindName(row.mediaType)}, {formatSize(row.byteSize, locale)}
                      </td>
                      <td>{formatDateTime(row.createdAt, locale)}</td>
                      <td className="num">{count(row.pending)}</td>
                      <td className="num">{count(row.accepted)}</td>
                      <td className="num">{count(row.rejected)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
