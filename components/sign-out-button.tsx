"use client";

import { useActionState } from "react";
import type { TActionResult, TActionState } from "@/lib/server/action";

type TSignOut = (state: TActionState<never>, formData: FormData) => Promise<TActionResult<never>>;

export function SignOutButton({ action }: { action: TSignOut }) {
  const [, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <button type="submit" disabled={isPending} className="text-accent underline-offset-2 hover:underline">
        Sign out
      </button>
    </form>
  );
}
