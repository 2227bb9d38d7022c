import Link from "next/link";
import type { ReactNode } from "react";

/** A stakeholder's or condition's page: reached from the dashboard's figures, and back to them. */
export function ProfileFrame({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="no-print text-sm">
        <Link href="/dashboard" className="link">
          ← Dashboard
        </Link>
      </nav>
      {children}
    </div>
  );
}
