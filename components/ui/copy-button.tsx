"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so where screen readers hear it. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied("yes"),
            () => setCopied("failed"),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="text-sm">
        {copied === "yes"
          ? "Copied."
          : copied === "failed"
            ? "Could not copy: select the text and copy it."
            : ""}
      </span>
    </span>
  );
}
