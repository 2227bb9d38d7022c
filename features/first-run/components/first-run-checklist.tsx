import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { FirstStep } from "@/lib/rules/first-run";

/** The admin's first steps on a new installation, each with where to take it. */
export async function FirstRunChecklist({ steps }: { steps: FirstStep[] }) {
  const t = await getTranslations("firstRun");
  return (
    <section
      aria-labelledby="first-run-heading"
      className="rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm"
      data-testid="first-run"
    >
      <h2 id="first-run-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{t("intro")}</p>
      <ol className="mt-2 space-y-2">
        {steps.map((step, index) => (
          <li key={step.key} className="flex gap-2">
            <span aria-hidden="true" className="w-5 shrink-0 font-semibold">
              {step.done ? "✓" : `${index + 1}.`}
            </span>
            <span>
              <span className={step.done ? "text-slate-600 line-through" : "text-slate-900"}>
                {t(`step.${step.key}`)}
              </span>
              {step.done && <span className="sr-only"> {t("done")}</span>}
              {" — "}
              {step.links.map((link, i) => (
                <span key={link.href}>
                  {i > 0 && ` ${t("or")} `}
                  <Link href={link.href} className="link">
                    {t(`link.${link.key}`)}
                  </Link>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
