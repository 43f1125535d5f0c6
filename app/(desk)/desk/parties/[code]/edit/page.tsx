import type { Metadata } from "next";
import Link from "next/link";
import { PartyForm } from "@/components/desk/party-form";
import { RecordEditSection } from "@/components/desk/record-edit-section";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getPartyForEdit } from "@/lib/server/parties/get-party-for-edit";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updatePartyAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a party" };

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditPartyPage({ params, searchParams }: TProps) {
  const { code } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/parties/${code}/edit`, "party:write");
  const party = await orNotFound(getPartyForEdit(actor, code));
  const revisions = await listRevisions(actor, "Party", party.id);
  return (
    <RecordEditSection
      headingId="edit-party-heading"
      breadcrumb={
        <>
          <Link href="/desk">Desk</Link> / <Link href="/desk/parties">Parties</Link>
        </>
      }
      title={party.name}
      saved={saved}
      revisions={revisions}
    >
      <PartyForm action={updatePartyAction} initial={party.values} record={{ key: party.code, version: party.version }} />
    </RecordEditSection>
  );
}
