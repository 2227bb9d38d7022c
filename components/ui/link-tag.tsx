import Link from "next/link";
import type { ReactNode } from "react";

/** A rich message's tag that links its words to `href`: `t.rich("key", { link: linkTag(href) })`. */
export function linkTag(href: string) {
  const LinkTag = (chunks: ReactNode) => (
    <Link href={href} className="link">
      {chunks}
    </Link>
  );
  return LinkTag;
}
