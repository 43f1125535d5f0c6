import type { Metadata } from "next";
import Link from "next/link";
import { AgreementForm } from "@/components/desk/agreement-form";
import { RevisionList } from "@/components/desk/revision-list";
import { SavedNotice } from "@/components/desk/saved-notice";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { getAgreementForEdit } from "@/lib/server/agreements/get-agreement-for-edit";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions } from "@/lib/server/desk/list-desk-options";
import { orNotFound } from "@/lib/server/or-not-found";
import type { TSignedInActor } from "@/lib/server/permissions";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updateAgreementAction } from "../../actions";

export const metadata: Metadata = { title: "Edit an agreement" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

async function load(actor: TSignedInActor, slug: string) {
  return orNotFound(getAgreementForEdit(actor, slug));
}

export default async function EditAgreementPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/agreements/${slug}/edit`, "agreement:write");
  const agreement = await load(actor, slug);
  const parties = await listPartyOptions(actor);
  const revisions = await listRevisions(actor, "Agreement", agreement.id);
  return (
    <section aria-labelledby="edit-agreement-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/agreements/${slug}`}>{agreement.title}</Link>
      </p>
      <h1 id="edit-agreement-heading" className="font-serif text-3xl font-bold">
        Edit {agreement.title}
      </h1>
      <SavedNotice saved={saved} />
      <p className="text-sm">
        <Link href={`/desk/log?agreement=${slug}`}>Log a development about {agreement.title}</Link>
      </p>
      <AgreementForm action={updateAgreementAction} parties={parties} timeZones={listTimeZones()} initial={agreement.values} record={{ key: slug, version: agreement.version }} />
      <details className="mt-8">
        <summary className="cursor-pointer font-serif text-xl font-bold">Revisions ({revisions.length})</summary>
        <div className="mt-3">
          <RevisionList revisions={revisions} />
        </div>
      </details>
    </section>
  );
}
