import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A stakeholder's or condition's page: reached from the dashboard's figures, and back to them. */
export function ProfileFrame({ children }: { children: ReactNode }) {
  const common = useTranslations("common");
  const t = useTranslations("profiles");
  return (
    <div className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="no-print text-sm">
        <Link href="/dashboard" className="link">
          {common("back", { label: t("dashboard") })}
        </Link>
      </nav>
      {children}
    </div>
  );
}
