"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { changeRole, disableAccount, editAccount, enableAccount, resetPassword } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";
import { ROLE_CHOICES } from "../role-choices";

type TAccount = { id: string; email: string; name: string; role: string; version: number };

/** The account's role; the last active admin cannot be demoted (the server refuses and says so). */
export function ChangeRoleForm({ account }: { account: TAccount }) {
  const form = useActionForm(changeRole);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} success={state?.ok && `Role changed to ${state.data.role.toLowerCase()}. It applies at once, to sessions and API tokens alike.`} />
      <input type="hidden" name="email" value={account.email} />
      <Select id="role" name="role" label="Role" defaultValue={account.role} error={form.error("role")} fieldClassName="max-w-xs">
        {ROLE_CHOICES.map((choice) => (
          <option key={choice.role} value={choice.role}>
            {choice.label}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={isPending}>
        Change role
      </Button>
    </form>
  );
}

/** Name and email, saved against the version the page showed. */
export function EditAccountForm({ account }: { account: TAccount }) {
  const form = useActionForm(editAccount);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} success="Saved." />
      <input type="hidden" name="userId" value={account.id} />
      <input type="hidden" name="version" value={account.version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id="account-name" name="name" label="Name" required defaultValue={form.shown("name", account.name)} error={form.error("name")} />
        <Input id="account-email" name="email" label="Email" type="email" required defaultValue={form.shown("email", account.email)} error={form.error("email")} />
      </div>
      <Button type="submit" disabled={isPending}>
        Save name and email
      </Button>
    </form>
  );
}

/** Disables an account (its sessions end at once) or re-enables it. */
export function AccountStatusForm({ account, isDisabled }: { account: TAccount; isDisabled: boolean }) {
  const form = useActionForm(isDisabled ? enableAccount : disableAccount);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-2">
      <FormOutcome state={state} />
      <input type="hidden" name="userId" value={account.id} />
      <Button type="submit" variant={isDisabled ? "secondary" : "danger"} disabled={isPending}>
        {isDisabled ? "Enable account" : "Disable account"}
      </Button>
    </form>
  );
}

/** Sets a new password (generated when left empty, shown once); the account's sessions end. */
export function ResetPasswordForm({ account }: { account: TAccount }) {
  const form = useActionForm(resetPassword);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome
        state={state}
        success={
          state?.ok &&
          (state.data.temporaryPassword ? (
            <>
              New temporary password, shown only now — hand it over privately:{" "}
              <code className="rounded bg-white px-2 py-1 font-mono" data-testid="temporary-password">
                {state.data.temporaryPassword}
              </code>
            </>
          ) : (
            "Password changed. Every session of the account has ended."
          ))
        }
      />
      <input type="hidden" name="userId" value={account.id} />
      <Input id="reset-password" name="password" label="New password" type="password" optional autoComplete="new-password" error={form.error("password")}
        hint="At least 12 characters. Leave empty to generate a temporary password." fieldClassName="max-w-md" />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Reset password
      </Button>
    </form>
  );
}
