import type { Metadata } from "next";
import Link from "next/link";
import { AgreementForm } from "@/components/desk/agreement-form";
import { RecordEditSection } from "@/components/desk/record-edit-section";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { getAgreementForEdit } from "@/lib/server/agreements/get-agreement-for-edit";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions } from "@/lib/server/desk/list-desk-options";
import { orNotFound } from "@/lib/server/or-not-found";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updateAgreementAction } from "../../actions";
import { subjectHref } from "@/lib/domain/subject-ref";

export const metadata: Metadata = { title: "Edit an agreement" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditAgreementPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/agreements/${slug}/edit`, "agreement:write");
  const agreement = await orNotFound(getAgreementForEdit(actor, slug));
  const parties = await listPartyOptions(actor);
  const revisions = await listRevisions(actor, "Agreement", agreement.id);
  return (
    <RecordEditSection
      headingId="edit-agreement-heading"
      breadcrumb={
        <>
          <Link href="/desk">Desk</Link> / <Link href={subjectHref("AGREEMENT", slug)}>{agreement.title}</Link>
        </>
      }
      title={agreement.title}
      saved={saved}
      revisions={revisions}
    >
      <p className="text-sm">
        <Link href={`/desk/log?agreement=${slug}`}>Log a development about {agreement.title}</Link>
      </p>
      <AgreementForm action={updateAgreementAction} parties={parties} timeZones={listTimeZones()} initial={agreement.values} record={{ key: slug, version: agreement.version }} />
    </RecordEditSection>
  );
}
