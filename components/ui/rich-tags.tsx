import Link from "next/link";
import type { ReactNode } from "react";

// The tags a rich message wraps words in (`t.rich("key", { link: linkTag(href), code: codeTag })`):
// each written once, the same in every language.

/** Links the tag's words to `href`. */
export function linkTag(href: string) {
  const LinkTag = (chunks: ReactNode) => (
    <Link href={href} className="link">
      {chunks}
    </Link>
  );
  return LinkTag;
}

/** The tag's words as code: a parameter, a header, a file name. */
export const codeTag = (chunks: ReactNode) => <code>{chunks}</code>;

/** The tag's words in bold: a figure the sentence is about. */
export const strongTag = (chunks: ReactNode) => <strong>{chunks}</strong>;
