import type { ReactNode } from "react";
import type { ShownDay } from "@/lib/format";

/**
 * A day, written where the data is read (`shownDay`) so that client components format nothing;
 * `children` say it otherwise ("on announcement") while machines still read the day.
 */
export function Day({
  day,
  className,
  children,
}: {
  day: ShownDay;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <time dateTime={day.machine} className={className}>
      {children ?? day.text}
    </time>
  );
}
