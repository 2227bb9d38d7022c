import { useTranslations } from "next-intl";

// A chart's key, in the page's flow beside the chart (it wraps on a phone instead of overlapping the
// bars) and drawn before the chart's code loads. Hidden from screen readers: the table beside every
// chart says the same in full.

export interface KeyEntry {
  name: string;
  colour: string;
  /** How the series is drawn: a filled box (bars, the default), a faint band, a line. */
  swatch?: "box" | "band" | "line" | "dashed line";
}

const swatches = {
  box: "size-3 rounded-sm",
  band: "h-3 w-5 opacity-40",
  line: "h-0.5 w-5",
  "dashed line": "h-0.5 w-5",
} as const;

const swatchWords = { band: "band", line: "line", "dashed line": "dashedLine" } as const;

export function ChartKey({ entries, className = "" }: { entries: readonly KeyEntry[]; className?: string }) {
  const t = useTranslations("common");
  return (
    <ul className={`flex flex-wrap gap-x-4 gap-y-1 text-sm ${className}`} aria-hidden="true">
      {entries.map(({ name, colour, swatch = "box" }) => (
        <li key={name} className="inline-flex items-center gap-1.5">
          <span className={`inline-block ${swatches[swatch]}`} style={{ background: colour }} />
          {swatch === "box" ? name : t("withSwatch", { name, swatch: t(`swatch.${swatchWords[swatch]}`) })}
        </li>
      ))}
    </ul>
  );
}
