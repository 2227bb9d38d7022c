import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/features/auth/components/site-header";
import { FlashToaster } from "@/features/editing/components/flash-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pledgewatch", template: "%s · Pledgewatch" },
  description:
    "Tracks the pledges for a multinational force in Ukraine: who pledged what, on which conditions, with the evidence.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
        <FlashToaster />
      </body>
    </html>
  );
}
