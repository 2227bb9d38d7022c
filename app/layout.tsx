import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import type { ReactNode } from "react";
import { SiteHeader } from "@/features/auth/components/site-header";
import { FlashToaster } from "@/features/editing/components/flash-toaster";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: "Pledgewatch", template: "%s · Pledgewatch" },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <ClientMessages>
          <SiteHeader />
          <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
            {children}
          </main>
          <FlashToaster />
        </ClientMessages>
      </body>
    </html>
  );
}
