import type { Metadata } from "next";
import Link from "next/link";
import { PartyForm } from "@/components/desk/party-form";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { createPartyAction } from "../actions";

export const metadata: Metadata = { title: "New party" };

export default async function NewPartyPage() {
  await requireSignedIn("/desk/parties/new", "party:write");
  return (
    <section aria-labelledby="new-party-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href="/desk/parties">Parties</Link>
      </p>
      <h1 id="new-party-heading" className="font-serif text-3xl font-bold">
        New party
      </h1>
      <p className="max-w-prose">Every state of ISO 3166-1 is already listed: check the list before adding one. Organisations (EU, ASEAN) are added here.</p>
      <PartyForm action={createPartyAction} initial={{ code: "", kind: "", name: "", aliases: "" }} />
    </section>
  );
}
