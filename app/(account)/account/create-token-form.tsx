"use client";

import { useActionState } from "react";
import { createToken } from "./actions";

export function CreateTokenForm() {
  const [state, action, isPending] = useActionState(createToken, null);
  const nameError = state && !state.ok ? state.fieldErrors.name?.[0] : undefined;
  return (
    <div className="mt-4">
      {state?.ok && (
        <div role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-semibold">Token “{state.data.name}” created. Copy it now: it will not be shown again.</p>
          <p className="mt-2">
            <code className="break-all rounded bg-white px-2 py-1" data-testid="new-token">
              {state.data.secret}
            </code>
          </p>
          <p className="mt-2">Use it as <code>Authorization: Bearer …</code> on <code>/api/v1</code>.</p>
        </div>
      )}
      {state && !state.ok && !nameError && (
        <p role="alert" className="mb-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="token-name" className="block font-semibold">
            Token name
          </label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={80}
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? "token-name-error" : undefined}
            className="mt-1 rounded border border-rule bg-white px-3 py-2"
          />
          {nameError && (
            <p id="token-name-error" className="mt-1 text-sm text-red-800">
              {nameError}
            </p>
          )}
        </div>
        <button type="submit" disabled={isPending} className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Create token
        </button>
      </form>
    </div>
  );
}
