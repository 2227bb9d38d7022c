import { useTranslations } from "next-intl";
import Link from "next/link";

export default function NotFound() {
  const t = useTranslations("common");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("notFoundText")}</p>
      <Link href="/pledges" className="mt-3 inline-block text-sm text-blue-800 underline underline-offset-4">
        {t("backToPledges")}
      </Link>
    </div>
  );
}
