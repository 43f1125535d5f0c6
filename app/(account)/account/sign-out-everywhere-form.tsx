"use client";

import { useActionState } from "react";
import { signOutEverywhere } from "./actions";

/** Ends every session of this account, on every device (a lost laptop, a copied cookie). */
export function SignOutEverywhereForm() {
  const [state, action, isPending] = useActionState(signOutEverywhere, null);
  return (
    <form action={action} className="mt-3">
      <button type="submit" disabled={isPending} className="rounded border border-red-700 px-3 py-1 text-red-800 disabled:opacity-60">
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}
