import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { demoAccounts } from "@/prisma/seed/demo-accounts";
import { safeCallbackPath } from "@/lib/schemas/auth";
import { oidcProviderName } from "@/lib/server/auth/auth-options";
import { getAppEnv } from "@/lib/server/env";
import { getCurrentActor } from "@/lib/server/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", description: "Sign in to Pactwatch." };

type TProps = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: TProps) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentActor()) redirect(callbackUrl);
  const { PACTWATCH_EMBEDDED: isEmbedded } = getAppEnv();
  const oidcName = oidcProviderName();
  return (
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="font-serif text-3xl font-bold">
        Sign in
      </h1>
      <SignInForm callbackUrl={callbackUrl} />
      {oidcName && (
        <p className="mt-6">
          <a href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in with {oidcName}</a>
        </p>
      )}
      {isEmbedded && (
        <aside aria-labelledby="demo-heading" className="mt-8 max-w-prose rounded border border-rule bg-white p-4 text-sm">
          <h2 id="demo-heading" className="font-semibold">
            Demo accounts (embedded database only)
          </h2>
          <ul className="mt-2 space-y-1">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                {account.role.toLowerCase()}: <code>{account.email}</code> / <code>{account.password}</code>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}
