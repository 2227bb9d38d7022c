"use client";

/** `label` comes from the server's catalog: the button ships no catalog of its own. */
export function SignOutButton({ label }: { label: string }) {
  async function signOut() {
    // Loaded when used: the auth client is not part of every page's first load.
    const { authClient } = await import("../auth-client");
    await authClient.signOut();
    // A full navigation: nothing the router kept from the signed-in pages survives it.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- on purpose, as said
    window.location.assign("/login");
  }
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="text-slate-700 underline underline-offset-4"
    >
      {label}
    </button>
  );
}
