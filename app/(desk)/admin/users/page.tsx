import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatInstant } from "@/lib/domain/dates";
import { ZUserFilters } from "@/lib/schemas/admin-user";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listUsers } from "@/lib/server/users/list-users";
import { CreateUserForm } from "./create-user-form";
import { ROLE_CHOICES } from "./role-choices";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Users and roles" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: TProps) {
  await connection();
  const actor = await requireSignedIn("/admin/users", "user:manage");
  const params = await searchParams;
  const filters = ZUserFilters.parse(Object.fromEntries(Object.entries(params).map(([key, value]) => [key, [value].flat()[0] ?? ""])));
  const { users, total } = await listUsers(actor, filters);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Users and roles</h1>
        <ul className="mt-2 list-disc pl-6 text-sm text-muted">
          {ROLE_CHOICES.map((choice) => (
            <li key={choice.role}>
              <span className="font-semibold text-ink">{choice.label}</span>: {choice.meaning}
            </li>
          ))}
        </ul>
      </div>
      <form role="search" aria-label="Filter accounts" method="get" action="/admin/users" className="grid gap-3 rounded border border-rule bg-white p-4 sm:grid-cols-4">
        <Input id="users-q" name="q" label="Name or email" type="search" defaultValue={filters.q} fieldClassName="sm:col-span-2" />
        <Select id="users-role" name="role" label="Role" defaultValue={filters.role}>
          <option value="any">Any role</option>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice.role} value={choice.role}>
              {choice.label}
            </option>
          ))}
        </Select>
        <Select id="users-status" name="status" label="Status" defaultValue={filters.status}>
          <option value="any">Active or disabled</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </Select>
        <div className="flex items-end gap-3">
          <Button type="submit">Filter</Button>
          <Link href="/admin/users">Clear filters</Link>
        </div>
      </form>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="font-serif text-2xl font-bold">
          Accounts ({total})
        </h2>
        <Table caption="Accounts by name" className="mt-2">
          <TableHead>
              <ColumnHeader>Name</ColumnHeader>
              <ColumnHeader>Email</ColumnHeader>
              <ColumnHeader>Role</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Last sign-in</ColumnHeader>
            </TableHead>
          <TableBody>
            {users.map((user) => (
              <TableRow key={user.id}>
                <TableCell>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                </TableCell>
                <TableCell>{user.email}</TableCell>
                <TableCell className="capitalize">{user.role.toLowerCase()}</TableCell>
                <TableCell>{user.disabledAt ? `disabled ${formatInstant(user.disabledAt, "UTC")}` : "active"}</TableCell>
                <TableCell>{user.lastSignInAt ? formatInstant(user.lastSignInAt, "UTC") : "never"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {total > users.length && <p className="mt-2 text-sm text-muted">Showing the first {users.length}; narrow the filters to see the others.</p>}
      </section>
      <section aria-labelledby="create-heading" className="rounded border border-rule bg-white p-4">
        <h2 id="create-heading" className="font-serif text-2xl font-bold">
          Create an account
        </h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
