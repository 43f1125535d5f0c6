"use client";

import { useActionState } from "react";
import { signIn } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, isPending] = useActionState(signIn, null);
  const failure = state && !state.ok ? state : null;
  const emailValue = typeof failure?.values.email === "string" ? failure.values.email : "";
  const emailError = failure?.fieldErrors.email?.[0];
  const passwordError = failure?.fieldErrors.password?.[0];
  return (
    <form action={action} className="mt-6 max-w-sm space-y-4" noValidate>
      {failure && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {failure.error}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block font-semibold">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={emailValue}
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? "email-error" : undefined}
          className="mt-1 w-full rounded border border-rule bg-white px-3 py-2"
        />
        {emailError && (
          <p id="email-error" className="mt-1 text-sm text-red-800">
            {emailError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(passwordError)}
          aria-describedby={passwordError ? "password-error" : undefined}
          className="mt-1 w-full rounded border border-rule bg-white px-3 py-2"
        />
        {passwordError && (
          <p id="password-error" className="mt-1 text-sm text-red-800">
            {passwordError}
          </p>
        )}
      </div>
      <button type="submit" disabled={isPending} className="rounded bg-accent px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
