import type { Metadata } from "next";
import Link from "next/link";
import { PartyForm } from "@/components/desk/party-form";
import { RevisionList } from "@/components/desk/revision-list";
import { SavedNotice } from "@/components/desk/saved-notice";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getPartyForEdit } from "@/lib/server/parties/get-party-for-edit";
import type { TSignedInActor } from "@/lib/server/permissions";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updatePartyAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a party" };

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<{ saved?: string }> };

async function load(actor: TSignedInActor, code: string) {
  return orNotFound(getPartyForEdit(actor, code));
}

export default async function EditPartyPage({ params, searchParams }: TProps) {
  const { code } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/parties/${code}/edit`, "party:write");
  const party = await load(actor, code);
  const revisions = await listRevisions(actor, "Party", party.id);
  return (
    <section aria-labelledby="edit-party-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href="/desk/parties">Parties</Link>
      </p>
      <h1 id="edit-party-heading" className="font-serif text-3xl font-bold">
        Edit {party.name}
      </h1>
      <SavedNotice saved={saved} />
      <PartyForm action={updatePartyAction} initial={party.values} record={{ key: party.code, version: party.version }} />
      <details className="mt-8">
        <summary className="cursor-pointer font-serif text-xl font-bold">Revisions ({revisions.length})</summary>
        <div className="mt-3">
          <RevisionList revisions={revisions} />
        </div>
      </details>
    </section>
  );
}
