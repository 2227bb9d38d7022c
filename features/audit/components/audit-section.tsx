import { useTranslations } from "next-intl";
import { linkTag } from "@/components/ui/rich-tags";
import type { AuditLine } from "../audit-lines";
import { AuditTable } from "./audit-table";

/** A record's latest writes (or everyone's), in words, with the way to the whole trail. */
export function AuditSection({
  title,
  lines,
  total,
  href,
  showRecord = false,
}: {
  title: string;
  lines: AuditLine[];
  total: number;
  /** The audit trail page for the same writes, filtered. */
  href: string;
  showRecord?: boolean;
}) {
  const t = useTranslations("audit");
  const link = linkTag(href);
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {lines.length === 0 ? (
        <p className="note">{t("noneRecorded")}</p>
      ) : (
        <>
          <AuditTable lines={lines} showRecord={showRecord} />
          <p className="text-sm">
            {total > lines.length ? t.rich("allChanges", { total, link }) : t.rich("trail", { link })}
          </p>
        </>
      )}
    </section>
  );
}
