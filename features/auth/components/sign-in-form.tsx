"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { authClient } from "../auth-client";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("auth");
  const messageFor = (status: number, code: string | undefined, fallback: string | undefined): string => {
    // The server says how long to wait, in the reader's language.
    if (status === 429) return fallback ?? t("tooMany", { wait: t("minutes", { count: 1 }) });
    if (status === 401) return t("mismatch");
    if (code === "ACCOUNT_DEACTIVATED") return t("deactivated");
    // A refusal the server explains (a switched-off account) keeps its explanation.
    return fallback ?? t("failed");
  };
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Signing in is the browser code's: the button waits for it.
  const ready = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (failure) {
      setPending(false);
      setError(messageFor(failure.status, failure.code, failure.message));
      return;
    }
    // A full navigation, not the router's: a page it prefetched while signed out (a redirect
    // back here) must not be reused, and every server component must see the new session.
    window.location.assign(returnTo);
  }

  // post: even so, a press before the page is interactive must not put the password in the address.
  return (
    <form method="post" onSubmit={(event) => void submit(event)} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="field" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="field"
        />
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending || !ready} className="button-primary">
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
