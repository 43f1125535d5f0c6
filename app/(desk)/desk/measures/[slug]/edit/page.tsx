import type { Metadata } from "next";
import Link from "next/link";
import { MeasureForm } from "@/components/desk/measure-form";
import { RecordEditSection } from "@/components/desk/record-edit-section";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions, listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { getMeasureForEdit } from "@/lib/server/measures/get-measure-for-edit";
import { orNotFound } from "@/lib/server/or-not-found";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updateMeasureAction } from "../../actions";
import { subjectHref } from "@/lib/domain/subject-ref";

export const metadata: Metadata = { title: "Edit a trade measure" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditMeasurePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/measures/${slug}/edit`, "measure:write");
  const measure = await orNotFound(getMeasureForEdit(actor, slug));
  const parties = await listPartyOptions(actor);
  const subjects = await listSubjectOptions(actor);
  const revisions = await listRevisions(actor, "TradeMeasure", measure.id);
  return (
    <RecordEditSection
      headingId="edit-measure-heading"
      breadcrumb={
        <>
          <Link href="/desk">Desk</Link> / <Link href={subjectHref("MEASURE", slug)}>{measure.title}</Link>
        </>
      }
      title={measure.title}
      saved={saved}
      revisions={revisions}
    >
      <p className="text-sm">
        <Link href={`/desk/log?measure=${slug}`}>Log a development about this measure</Link>
      </p>
      <MeasureForm action={updateMeasureAction} parties={parties} subjects={subjects} timeZones={listTimeZones()} initial={measure.values} record={{ key: slug, version: measure.version }} />
    </RecordEditSection>
  );
}
