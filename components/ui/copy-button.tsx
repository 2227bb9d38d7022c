"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Copies `text` to the clipboard and says so where screen readers hear it. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations("common");
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
        {label ?? t("copy")}
      </button>
      <span role="status" className="text-sm">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
