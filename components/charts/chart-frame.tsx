"use client";

import { startTransition, useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

/**
 * A chart's box: its size, its summary for screen readers, and the chart drawn only once the box
 * comes near the screen (or the page is printed). Drawing a chart is the page's costliest work on a
 * phone; charts below the fold then neither load their code nor hold up the page until read. The
 * box keeps its size meanwhile, so nothing moves when the chart appears.
 */
export function ChartFrame({
  testId,
  summary,
  className,
  style,
  children,
}: {
  testId: string;
  /** What the chart shows, in words (the table beside it has every number). */
  summary: string;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || near) return;
    const show = () => startTransition(() => setNear(true));
    window.addEventListener("beforeprint", show);
    const observer =
      typeof IntersectionObserver === "undefined"
        ? null
        : new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && show(), {
            rootMargin: "200px 0px",
          });
    if (observer) observer.observe(element);
    else show();
    return () => {
      window.removeEventListener("beforeprint", show);
      observer?.disconnect();
    };
  }, [near]);
  return (
    <div
      ref={box}
      className={className}
      style={style}
      role="img"
      aria-label={summary}
      data-testid={testId}
      data-drawn={near ? "true" : "false"}
    >
      {near && children}
    </div>
  );
}
