"use client";

import { useActionState } from "react";
import { setPublicCreditAction } from "./actions";

/** Whether readers see this account's name on the versions it saved (public revision histories), or only its role. */
export function PublicCreditForm({ namedInPublic }: { namedInPublic: boolean }) {
  const [state, action, isPending] = useActionState(setPublicCreditAction, null);
  const isNamed = state?.ok ? state.data.namedInPublic : namedInPublic;
  return (
    <form action={action} className="mt-3 space-y-2">
      <div className="flex items-start gap-2">
        <input id="namedInPublic" type="checkbox" name="namedInPublic" defaultChecked={isNamed} className="mt-1 h-4 w-4" aria-describedby="namedInPublic-hint" />
        <label htmlFor="namedInPublic" className="font-semibold">
          Name me on public revision histories
        </label>
      </div>
      <p id="namedInPublic-hint" className="ml-6 text-sm text-muted">
        Unticked, readers see only your role (“An analyst”) beside the versions you saved.
      </p>
      <button type="submit" disabled={isPending} className="rounded border border-rule px-3 py-1 disabled:opacity-60">
        {isPending ? "Saving…" : "Save this choice"}
      </button>
      <p role="status" className="text-sm">
        {state?.ok ? (state.data.namedInPublic ? "Saved: readers see your name." : "Saved: readers see your role.") : ""}
      </p>
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}
