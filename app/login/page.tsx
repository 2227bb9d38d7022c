import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { safeReturnPath } from "@/lib/access";
import { currentPrincipal } from "@/server/access";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const returnTo = safeReturnPath((await searchParams).next);
  if (await currentPrincipal()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Sign in to Pledgewatch</h1>
      <p className="text-sm text-slate-600">
        Accounts are created by an administrator. The first admin&apos;s password is printed once in the
        server log.
      </p>
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
