import Link from "next/link";
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
  return (
    <section aria-labelledby="audit-heading" className="space-y-2">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {title}
      </h2>
      {lines.length === 0 ? (
        <p className="note">No change has been recorded through Pledgewatch yet (seeded data).</p>
      ) : (
        <>
          <AuditTable lines={lines} showRecord={showRecord} />
          <p className="text-sm">
            <Link href={href} className="link">
              {total > lines.length ? `All ${total.toLocaleString("en-GB")} changes` : "The audit trail"}
            </Link>
            , with filters and a CSV download
          </p>
        </>
      )}
    </section>
  );
}
