import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pactwatch", template: "%s · Pactwatch" },
  description: "Agreements and trade measures between states, and every change in their status, each backed by cited sources.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl border-t border-rule px-4 py-6 text-sm text-muted">
          <p>Pactwatch keeps a sourced record of relations between states. Every status change cites its sources.</p>
          {/* A plain link: /api/docs is a route handler, not a page Next.js could prefetch. */}
          <p className="mt-2">
            For scripts: <a href="/api/docs" className="underline">the API reference</a> (<a href="/api/v1/openapi.json" className="underline">OpenAPI document</a>).
          </p>
        </footer>
      </body>
    </html>
  );
}
