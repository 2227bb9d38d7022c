import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { isWebAddress } from "@/lib/web-address";

export interface CitedSource {
  /** Its page: everything it is evidence for. */
  slug?: string;
  title: string;
  publisher: string | null;
  publishedOn: Date | null;
  url: string | null;
  fileName: string | null;
}

/** A verbatim quote and where it comes from. */
export function SourceQuote({
  quote,
  source,
  reference,
}: {
  quote: string;
  source: CitedSource;
  /** Its number in a report's reference list, which then says the rest (file, address). */
  reference?: number;
}) {
  const locale = useLocale();
  const t = useTranslations("common");
  const origin = [source.publisher, source.publishedOn ? formatDate(source.publishedOn, locale) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <figure className="border-l-4 border-slate-300 pl-3">
      {/* A source can be cited without a quote (an analyst's status change citing a whole report). */}
      {quote && (
        <blockquote className="text-sm text-slate-800 italic">{t("quoted", { text: quote })}</blockquote>
      )}
      <figcaption className="mt-1 text-xs text-slate-600">
        {/* Addresses stored before the http/https rule are shown as text, never followed. */}
        {source.url && isWebAddress(source.url) ? (
          <a href={source.url} className="link" rel="noreferrer noopener">
            {source.title}
          </a>
        ) : (
          <cite className="not-italic">{source.title}</cite>
        )}
        {origin && <> · {origin}</>}
        {reference !== undefined && (
          <>
            {" "}
            <a href={`#reference-${reference}`} className="link">
              {t("reference", { number: reference })}
            </a>
          </>
        )}
        {reference === undefined && source.fileName && (
          <>
            {" "}
            · {t("file")} <code className="font-mono">{source.fileName}</code>
          </>
        )}
        {reference === undefined && source.slug && (
          <>
            {" · "}
            <Link
              href={`/sources/${source.slug}`}
              className="link"
              aria-label={t("allItSupportsOf", { title: source.title })}
            >
              {t("allItSupports")}
            </Link>
          </>
        )}
      </figcaption>
    </figure>
  );
}
