import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { OwnNameForm, OwnPasswordForm } from "@/features/account/components/account-forms";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const principal = await requirePagePermission("read", "/account");
  // A token, or an anonymous public reader, has no account to change.
  if (!principal || principal.kind !== "user") forbidden();
  return (
    <div className="max-w-md space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <section aria-labelledby="name-heading" className="space-y-3">
        <h2 id="name-heading" className="text-lg font-semibold">
          Name
        </h2>
        <OwnNameForm name={principal.name} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <OwnPasswordForm />
      </section>
    </div>
  );
}
