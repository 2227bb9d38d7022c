"use client";

import { usePathname } from "next/navigation";
import { useEffect, useTransition } from "react";
import { toast, Toaster } from "sonner";
import { flashCookie, readFlash } from "@/lib/flash";
import { restorePledgeAction } from "../actions";
import { idle } from "@/features/forms/form-state";

function takeFlash() {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${flashCookie}=`));
  if (!entry) return null;
  document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
  return readFlash(entry.slice(flashCookie.length + 1));
}

/**
 * Confirms saves, deletes and restores with a toast (sonner's live region announces it), after the
 * page the write led to has loaded; a delete offers "Undo", which restores the pledge.
 */
export function FlashToaster() {
  const pathname = usePathname();
  const [, startTransition] = useTransition();
  useEffect(() => {
    const flash = takeFlash();
    if (!flash) return;
    const { undo } = flash;
    toast.success(flash.message, {
      duration: undo ? 10_000 : 4_000,
      action: undo
        ? {
            label: "Undo",
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
  }, [pathname]);
  return <Toaster position="bottom-right" closeButton />;
}
