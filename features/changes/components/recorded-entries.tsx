import Link from "next/link";
import { SourceQuote } from "@/components/ui/source-quote";
import type { RecordedEntry } from "../index";

/** Events as recorded, each linking to what it changed, in words, with its evidence quoted. */
export function RecordedEntries({ entries, testId }: { entries: RecordedEntry[]; testId: string }) {
  return (
    <ol className="space-y-3" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <p>
            <Link href={entry.link} className="link font-medium">
              {entry.title}
            </Link>
          </p>
          {entry.lines.map((line) => (
            <p key={line} className="text-slate-700">
              {line}
            </p>
          ))}
          {entry.citations.length > 0 && (
            <div className="mt-1 space-y-1">
              {entry.citations.map((citation) => (
                <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
