import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A page's title, under a link back to where it sits (a pledge, a list of records). */
export function PageHeading({
  back,
  children,
}: {
  back: { href: string; label: string };
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={back.href} className="link">
          {t("back", { label: back.label })}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
    </>
  );
}
