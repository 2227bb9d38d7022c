import { useTranslations } from "next-intl";
import Link from "next/link";

// Rendered with status 403 when a signed-in role lacks the permission a page needs.
export default function Forbidden() {
  const t = useTranslations("common");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenText")}</p>
      <p>
        <Link href="/dashboard" className="link">
          {t("backToDashboard")}
        </Link>
      </p>
    </div>
  );
}
