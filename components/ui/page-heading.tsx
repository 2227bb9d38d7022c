import Link from "next/link";
import type { ReactNode } from "react";

/** A page's title, under a link back to where it sits (a pledge, a list of records). */
export function PageHeading({
  back,
  children,
}: {
  back: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back.href} className="link">
          ← {back.label}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{children}</h1>
    </>
  );
}
