import type { Metadata } from "next";
import { connection } from "next/server";
import { formatInstant } from "@/lib/domain/dates";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { can } from "@/lib/server/permissions";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";
import { PublicCreditForm } from "./public-credit-form";
import { getPublicCredit } from "@/lib/server/users/get-public-credit";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Your account", description: "Your Pactwatch account and API tokens." };

export default async function AccountPage() {
  await connection();
  const actor = await requireSignedIn("/account");
  const tokens = can(actor, "api-token:manage-own") ? await listApiTokens(actor) : null;
  const credit = await getPublicCredit(actor);
  return (
    <div className="space-y-8">
      <section aria-labelledby="account-heading">
        <h1 id="account-heading" className="font-serif text-3xl font-bold">
          Your account
        </h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="font-semibold">Email</dt>
          <dd>{actor.email}</dd>
          <dt className="font-semibold">Role</dt>
          <dd className="capitalize">{actor.role.toLowerCase()}</dd>
        </dl>
      </section>
      <section aria-labelledby="credit-heading">
        <h2 id="credit-heading" className="font-serif text-2xl font-bold">
          Your name on public revisions
        </h2>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Every published development shows its versions to readers, with who saved each one. Choose whether that is your name or your role.
        </p>
        <PublicCreditForm namedInPublic={credit.namedInPublic} />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="font-serif text-2xl font-bold">
          Sessions
        </h2>
        <p className="mt-1 max-w-prose text-sm text-muted">
          Signing out ends this browser&apos;s session on the server. To end every session of this account — other browsers and devices,
          and this one — sign out everywhere. API tokens are not affected: revoke them below.
        </p>
        <SignOutEverywhereForm />
      </section>
      {tokens && (
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading" className="font-serif text-2xl font-bold">
            API tokens
          </h2>
          <p className="mt-1 max-w-prose text-sm text-muted">
            A token acts with your role on <code>/api/v1</code>. It is shown once when created and stored only as a hash.
            Send it as <code>Authorization: Bearer …</code>; <a href="/api/docs" className="underline">the API reference</a> lists every endpoint.
          </p>
          <CreateTokenForm />
          {tokens.length > 0 && (
            <Table caption="Your API tokens" className="mt-6">
              <TableHead>
                  <ColumnHeader>Name</ColumnHeader>
                  <ColumnHeader>Starts with</ColumnHeader>
                  <ColumnHeader>Created</ColumnHeader>
                  <ColumnHeader>Last used</ColumnHeader>
                  <ColumnHeader>State</ColumnHeader>
                </TableHead>
              <TableBody>
                {tokens.map((token) => (
                  <TableRow key={token.id}>
                    <TableCell>{token.name}</TableCell>
                    <TableCell><code>{token.prefix}…</code></TableCell>
                    <TableCell>{formatInstant(token.createdAt, "UTC")}</TableCell>
                    <TableCell>{token.lastUsedAt ? formatInstant(token.lastUsedAt, "UTC") : "never"}</TableCell>
                    <TableCell>
                      {token.revokedAt ? (
                        <>revoked {formatInstant(token.revokedAt, "UTC")}</>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </div>
  );
}
