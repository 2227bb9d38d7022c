"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { flashCookie } from "@/lib/flash-cookie";
import { restorePledgeAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import type { Flash } from "@/lib/flash";
import type * as SonnerModule from "sonner";

type Sonner = typeof SonnerModule;

/**
 * Marks the page while a flash taken from its cookie is not yet shown (`<html data-flash="pending">`):
 * whoever judges the page as it ends up (the accessibility checks) waits for the toast.
 */
const markFlashPending = (pending: boolean) => {
  if (pending) document.documentElement.dataset.flash = "pending";
  else delete document.documentElement.dataset.flash;
};

/** The flash left for this page, if any, cleared as it is taken. */
async function takeFlash() {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${flashCookie}=`));
  if (!entry) return null;
  markFlashPending(true);
  document.cookie = `${flashCookie}=; path=/; max-age=0; samesite=lax`;
  // Loaded only when there is a flash: its schema is not part of every page's first load.
  const { readFlash } = await import("@/lib/flash");
  return readFlash(entry.slice(flashCookie.length + 1));
}

/**
 * How long the toasts' live region is on the page before a toast is put in it: a screen reader
 * announces changes to a region it has already seen, not one that arrives with its content.
 */
const regionFirstMs = 150;

/**
 * Confirms saves, deletes and restores with a toast (sonner's live region announces it), after the
 * page the write led to has loaded; a delete offers "Undo", which restores the pledge. Sonner is
 * loaded with the first flash (a tenth of the JavaScript every page loads first otherwise).
 */
export function FlashToaster() {
  const pathname = usePathname();
  const [, startTransition] = useTransition();
  const undoLabel = useTranslations("forms")("undo");
  const [sonner, setSonner] = useState<Sonner | null>(null);
  const [flash, setFlash] = useState<Flash | null>(null);
  const shownRegionAt = useRef(0);

  useEffect(() => {
    // Shown even if the reader has moved on meanwhile: the flash was taken from its cookie.
    void takeFlash()
      .then(async (taken) => {
        if (!taken) return markFlashPending(false);
        const loaded = await import("sonner");
        setSonner(() => loaded);
        setFlash(taken);
      })
      // Sonner's code gone (a new build since the page loaded): the page goes on without its toast.
      .catch(() => markFlashPending(false));
  }, [pathname]);

  useEffect(() => {
    if (!sonner || !flash) return;
    shownRegionAt.current ||= performance.now();
    const { toast } = sonner;
    const { undo } = flash;
    const show = () =>
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
    const wait = shownRegionAt.current + regionFirstMs - performance.now();
    const timer = setTimeout(
      () => {
        show();
        setFlash(null);
        markFlashPending(false);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [sonner, flash, undoLabel]);

  return sonner ? <sonner.Toaster position="bottom-right" closeButton /> : null;
}
