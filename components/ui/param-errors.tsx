import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ParamError } from "@/lib/search-params";
import { useValidationWording } from "@/i18n/use-wording";
import { worded } from "@/lib/validation-message";

/** Explains which URL parameters could not be read, instead of failing the page. */
export function ParamErrors({ errors, resetHref }: { errors: ParamError[]; resetHref: string }) {
  const t = useTranslations("common.paramErrors");
  const word = useValidationWording();
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-950">
      <h2 className="font-semibold">{t("title")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((error, index) => (
          <li key={index}>
            <code className="font-mono">{error.param}</code>: {worded(error.message, word)}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        {t.rich("fix", {
          clear: (chunks) => (
            <Link href={resetHref} className="underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}
