"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const subscribeNever = () => () => {};
const listed = 8;

/**
 * "Cite this figure": the headline in words, the view's address, when it was read and the sources
 * behind it, ready to paste into a briefing. The address follows the view as it changes.
 */
export function CiteFigure({
  headline,
  sources,
  lastChange,
  readOn,
}: {
  headline: string;
  sources: string[];
  /** "2 Dec 2026, 14:03 UTC", or null when nothing is recorded. */
  lastChange: string | null;
  readOn: string;
}) {
  const origin = useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const address = `${origin}${pathname}${search ? `?${search}` : ""}`;
  const named =
    sources.length > listed
      ? `${sources.slice(0, listed).join("; ")}; and ${sources.length - listed} more`
      : sources.join("; ");
  const text = `Pledgewatch, “How far the pledges go”: ${headline} ${address} (read ${readOn}${
    lastChange ? `; data last changed ${lastChange}` : ""
  }).${named ? ` Sources: ${named}.` : ""}`;
  return (
    <details className="text-sm" data-testid="cite-figure">
      <summary className="cursor-pointer font-medium text-blue-800">Cite this figure</summary>
      <p className="mt-2 rounded border border-slate-200 bg-white p-3" data-testid="citation-text">
        {text}
      </p>
      <div className="mt-2">
        <CopyButton text={text} label="Copy the citation" />
      </div>
    </details>
  );
}
