import { useTranslations } from "next-intl";
import { Fragment } from "react";
import type { ReportAbout } from "../report-about";

/**
 * A report's account of itself, on its first page: its view, who made it when, the addresses of
 * the same view, and how it counts. Addresses are shown in full (`data-href-text`: the PDF printer
 * writes each link's final address as its text), as paper cannot be clicked.
 */
export function ReportAboutPanel({ about }: { about: ReportAbout }) {
  const t = useTranslations("report");
  return (
    <section
      aria-labelledby="report-about-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm break-inside-avoid"
      data-testid="report-about"
    >
      <h2 id="report-about-heading" className="text-base font-semibold">
        {t("about")}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {about.lines.map((line) => (
          <Fragment key={line.label}>
            <dt className="font-medium text-slate-700">{line.label}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">
              {line.href ? (
                <a href={line.href} className="link" data-href-text="">
                  {line.text}
                </a>
              ) : (
                line.text
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      <h3 className="font-medium text-slate-700">{t("howItCounts")}</h3>
      <ul className="list-disc space-y-1 pl-5">
        {about.counting.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
        <li>
          {t("everyRule")}{" "}
          <a href={about.methodology.href} className="link" data-href-text="">
            {about.methodology.text}
          </a>
        </li>
      </ul>
    </section>
  );
}
