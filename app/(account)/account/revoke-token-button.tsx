"use client";

import { useActionState } from "react";
import { revokeToken } from "./actions";

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, isPending] = useActionState(revokeToken, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={isPending} className="rounded border border-red-700 px-2 py-1 text-red-800">
        Revoke “{name}”
      </button>
      {state && !state.ok && <span role="alert" className="ml-2 text-sm text-red-800">{state.error}</span>}
    </form>
  );
}
