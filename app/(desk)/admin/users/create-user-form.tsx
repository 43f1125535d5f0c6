"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createAccount } from "./actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { ROLE_CHOICES } from "./role-choices";

/** Creates (invites) an account; with no password given, a temporary one is generated and shown once. */
export function CreateUserForm() {
  const form = useActionForm(createAccount);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      <FormOutcome
        state={state}
        success={
          state?.ok && (
            <>
              Account created for <Link href={`/admin/users/${state.data.id}`}>{state.data.name}</Link> ({state.data.email}) as{" "}
              {state.data.role.toLowerCase()}.
              {state.data.temporaryPassword && (
                <span className="mt-1 block">
                  Temporary password, shown only now — hand it over privately:{" "}
                  <code className="rounded bg-white px-2 py-1 font-mono" data-testid="temporary-password">
                    {state.data.temporaryPassword}
                  </code>
                </span>
              )}
            </>
          )
        }
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id="create-name" name="name" label="Name" required autoComplete="off" defaultValue={form.shown("name", "")} error={form.error("name")} />
        <Input id="create-email" name="email" label="Email" type="email" required autoComplete="off" defaultValue={form.shown("email", "")} error={form.error("email")} />
        <Select id="create-role" name="role" label="Role" defaultValue={form.shown("role", "READER")} error={form.error("role")}>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice.role} value={choice.role}>
              {choice.label}
            </option>
          ))}
        </Select>
        <Input id="create-password" name="password" label="Password" type="password" optional autoComplete="new-password" error={form.error("password")}
          hint="At least 12 characters. Leave empty to generate a temporary password." />
      </div>
      <Button type="submit" disabled={isPending}>
        Create account
      </Button>
    </form>
  );
}
