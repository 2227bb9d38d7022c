"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useTransition } from "react";
import { toast, Toaster } from "sonner";
import { flashCookie } from "@/lib/flash-cookie";
import { restorePledgeAction } from "../actions";
import { idle } from "@/features/forms/form-state";

/** The flash left for this page, if any, cleared as it is taken. */
async function takeFlash() {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${flashCookie}=`));
  if (!entry) return null;
  document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
  // Loaded only when there is a flash: its schema is not part of every page's first load.
  const { readFlash } = await import("@/lib/flash");
  return readFlash(entry.slice(flashCookie.length + 1));
}

/**
 * Confirms saves, deletes and restores with a toast (sonner's live region announces it), after the
 * page the write led to has loaded; a delete offers "Undo", which restores the pledge.
 */
export function FlashToaster() {
  const pathname = usePathname();
  const [, startTransition] = useTransition();
  const undoLabel = useTranslations("forms")("undo");
  useEffect(() => {
    void takeFlash().then((flash) => {
      if (!flash) return;
      const { undo } = flash;
      toast.success(flash.message, {
        duration: undo ? 10_000 : 4_000,
        action: undo
          ? {
              label: undoLabel,
              onClick: () => {
                const form = new FormData();
                form.set("id", undo.pledgeId);
                form.set("version", String(undo.version));
                startTransition(async () => {
                  const state = await restorePledgeAction(idle, form);
                  if (state.status === "error") toast.error(state.message);
                });
              },
            }
          : undefined,
      });
    });
  }, [pathname, undoLabel]);
  return <Toaster position="bottom-right" closeButton />;
}
