"use client";

import { useTranslations } from "next-intl";

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-950">{t("errorTitle")}</h1>
      <p className="mt-1 text-sm text-rose-950">{t("errorText")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded bg-rose-800 px-3 py-1.5 text-sm text-white"
      >
        {t("tryAgain")}
      </button>
    </div>
  );
}
