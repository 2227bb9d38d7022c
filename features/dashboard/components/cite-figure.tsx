"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/lib/format";

const subscribeNever = () => () => {};
// The clock, to the minute: a citation says when its reader read the figures, however long ago the
// server rendered them (a kept page may be hours old while the data stands still).
const subscribeClock = (onChange: () => void) => {
  const timer = setInterval(onChange, 15_000);
  return () => clearInterval(timer);
};
const listed = 8;

/**
 * "Cite this figure": the headline in words, the view's address, when it was read and the sources
 * behind it, ready to paste into a briefing. The address is the rendered view's, pinned to the moment
 * the server read its figures, so that it shows these same figures later.
 */
export function CiteFigure({
  path,
  headline,
  sources,
  lastChange,
  readOn,
}: {
  /** The view's path and query, from the server that computed the figures. */
  path: string;
  headline: string;
  sources: string[];
  /** "2 Dec 2026, 14:03 UTC", or null when nothing is recorded. */
  lastChange: string | null;
  /** When the server read the figures: said until the citation is opened, then the browser's clock. */
  readOn: string;
}) {
  const t = useTranslations("dashboard.cite");
  const locale = useLocale();
  const readNow = () => formatDateTime(new Date(), locale);
  // The clock is read only while the citation is open: the browser then formats no date as the page
  // loads (a phone's first date formatter costs it some 200 ms).
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: its toggle went unheard.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  const serverRead = () => readOn;
  const read = useSyncExternalStore(
    open ? subscribeClock : subscribeNever,
    open ? readNow : serverRead,
    serverRead,
  );
  const origin = useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
  const address = `${origin}${path}`;
  const named =
    sources.length > listed
      ? `${sources.slice(0, listed).join("; ")}; ${t("more", { count: sources.length - listed })}`
      : sources.join("; ");
  const when = [t("read", { when: read }), ...(lastChange ? [t("lastChanged", { when: lastChange })] : [])];
  const text = `${t("text", { headline, address, when: when.join("; ") })}${
    named ? ` ${t("sources", { names: named })}` : ""
  }`;
  return (
    <details
      ref={details}
      className="text-sm"
      data-testid="cite-figure"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer font-medium text-blue-800">{t("summary")}</summary>
      <p className="mt-2 rounded border border-slate-200 bg-white p-3" data-testid="citation-text">
        {text}
      </p>
      <div className="mt-2">
        <CopyButton text={text} label={t("copy")} />
      </div>
    </details>
  );
}
