import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatInstant } from "@/lib/domain/dates";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getUserForAdmin, type TAdminUser } from "@/lib/server/users/get-user-for-admin";
import { AccountStatusForm, ChangeRoleForm, EditAccountForm, ResetPasswordForm } from "./account-forms";

export const metadata: Metadata = { title: "Account" };

type TProps = { params: Promise<{ id: string }> };

async function load(id: string): Promise<TAdminUser> {
  const actor = await requireSignedIn(`/admin/users/${id}`, "user:manage");
  return orNotFound(getUserForAdmin(actor, id));
}

export default async function AdminUserPage({ params }: TProps) {
  await connection();
  const user = await load((await params).id);
  const account = { id: user.id, email: user.email, name: user.name, role: user.role, version: user.version };
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-muted">
          <Link href="/admin/users">Users and roles</Link> / account
        </p>
        <h1 className="mt-1 font-serif text-3xl font-bold">{user.name}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Email</dt>
          <dd>{user.email}</dd>
          <dt className="font-semibold">Role</dt>
          <dd className="capitalize">{user.role.toLowerCase()}</dd>
          <dt className="font-semibold">Status</dt>
          <dd>{user.disabledAt ? `disabled since ${formatInstant(user.disabledAt, "UTC")}` : "active"}</dd>
          <dt className="font-semibold">Last sign-in</dt>
          <dd>{user.lastSignInAt ? formatInstant(user.lastSignInAt, "UTC") : "never"}</dd>
          <dt className="font-semibold">API tokens in use</dt>
          <dd>{user.activeTokenCount}</dd>
          <dt className="font-semibold">Created</dt>
          <dd>{formatInstant(user.createdAt, "UTC")}</dd>
        </dl>
        <p className="mt-2 text-sm">
          <Link href={`/admin/audit?entityType=User&entityId=${user.id}`}>Changes to this account</Link> ·{" "}
          <Link href={`/admin/audit?actor=${user.id}`}>What this account did</Link>
        </p>
        {user.isLastActiveAdmin && (
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            This is the last active admin: it can be neither demoted nor disabled until another admin exists.
          </p>
        )}
      </div>
      <section aria-labelledby="role-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="role-heading" className="mb-2 font-serif text-2xl font-bold">
          Role
        </h2>
        <ChangeRoleForm account={account} />
      </section>
      <section aria-labelledby="details-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="details-heading" className="mb-2 font-serif text-2xl font-bold">
          Name and email
        </h2>
        <EditAccountForm account={account} />
      </section>
      <section aria-labelledby="password-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="password-heading" className="mb-2 font-serif text-2xl font-bold">
          Password
        </h2>
        <ResetPasswordForm account={account} />
      </section>
      <section aria-labelledby="status-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="status-heading" className="mb-2 font-serif text-2xl font-bold">
          {user.disabledAt ? "Enable" : "Disable"}
        </h2>
        <p className="mb-2 text-sm text-muted">
          {user.disabledAt
            ? "Enabling lets the account sign in again. Sessions from before it was disabled stay ended."
            : user.isSelf
              ? "You cannot disable your own account."
              : "A disabled account cannot sign in or use its API tokens, and its sessions end at once. Nothing it wrote is removed."}
        </p>
        {!user.isSelf && <AccountStatusForm key={String(user.disabledAt !== null)} account={account} isDisabled={user.disabledAt !== null} />}
      </section>
    </div>
  );
}
