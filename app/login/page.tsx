import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { safeReturnPath } from "@/lib/access";
import { currentPrincipal } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const returnTo = safeReturnPath((await searchParams).next);
  if (await currentPrincipal()) redirect(returnTo);
  const t = await getTranslations("auth");
  return (
    <ClientMessages namespaces={["auth"]}>
      <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6">
        <h1 className="text-xl font-semibold">{t("heading")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <SignInForm returnTo={returnTo} />
      </div>
    </ClientMessages>
  );
}
