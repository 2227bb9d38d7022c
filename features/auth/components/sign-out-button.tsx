"use client";

import { useRouter } from "next/navigation";
import { authClient } from "../auth-client";

export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await authClient.signOut();
    router.replace("/login");
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      className="text-slate-700 underline underline-offset-4"
    >
      Sign out
    </button>
  );
}
