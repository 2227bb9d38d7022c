import type { ReactNode } from "react";

interface PanelProps {
  /** The heading's id, which names the section for assistive technology. */
  headingId: string;
  title: ReactNode;
  /** An anchor others can link to (`#evidence`). */
  id?: string;
  children: ReactNode;
}

/** A titled white card: the page sections of the dashboard and the pledge page. */
export function Panel({ headingId, title, id, children }: PanelProps) {
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={headingId} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
