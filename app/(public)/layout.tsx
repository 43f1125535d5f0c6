import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { can } from "@/lib/server/permissions";
import { getCurrentActor } from "@/lib/server/session";

// With PUBLIC_READ=false, reading needs an account: anonymous visitors go to the sign-in page
// and come back. (The use cases refuse them too; this only makes the refusal friendly.)
export default async function PublicLayout({ children }: { children: ReactNode }) {
  if (!can(await getCurrentActor(), "published:read")) {
    const path = (await headers()).get("x-pactwatch-path") ?? "/";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  return children;
}
