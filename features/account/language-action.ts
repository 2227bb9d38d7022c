"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { isLocale, localeCookie } from "@/i18n/locales";
import { currentPrincipal } from "@/server/access";
import { setAccountLocale } from "@/server/accounts";

// Kept apart from actions.ts, whose actions are all forms that need a role: choosing a language
// needs none (the sign-in page offers it too).
/**
 * The header's language switcher, and the account page's setting: the chosen language in a cookie
 * (a year; anyone, signed in or not) and on the account of whoever is signed in, so that it follows
 * them to another browser. "browser" forgets both: the browser's Accept-Language chooses again. A
 * value that is neither changes nothing.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const locale = form.get("locale");
  const followBrowser = locale === "browser";
  if (!isLocale(locale) && !followBrowser) return;
  // Who is asking, read before the answer's cookie is set.
  const principal = await currentPrincipal();
  const cookieStore = await cookies();
  if (followBrowser) cookieStore.delete(localeCookie);
  else {
    cookieStore.set(localeCookie, locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
    });
  }
  if (principal?.kind === "user") await setAccountLocale(principal.id, followBrowser ? null : locale);
  revalidatePath("/", "layout");
}
