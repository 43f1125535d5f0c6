import type { Metadata } from "next";
import Link from "next/link";
import { MeasureForm } from "@/components/desk/measure-form";
import { RevisionList } from "@/components/desk/revision-list";
import { SavedNotice } from "@/components/desk/saved-notice";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions, listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { orNotFound } from "@/lib/server/or-not-found";
import { getMeasureForEdit } from "@/lib/server/measures/get-measure-for-edit";
import type { TSignedInActor } from "@/lib/server/permissions";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { updateMeasureAction } from "../../actions";

export const metadata: Metadata = { title: "Edit a trade measure" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

async function load(actor: TSignedInActor, slug: string) {
  return orNotFound(getMeasureForEdit(actor, slug));
}

export default async function EditMeasurePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/measures/${slug}/edit`, "measure:write");
  const measure = await load(actor, slug);
  const parties = await listPartyOptions(actor);
  const subjects = await listSubjectOptions(actor);
  const revisions = await listRevisions(actor, "TradeMeasure", measure.id);
  return (
    <section aria-labelledby="edit-measure-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/measures/${slug}`}>{measure.title}</Link>
      </p>
      <h1 id="edit-measure-heading" className="font-serif text-3xl font-bold">
        Edit {measure.title}
      </h1>
      <SavedNotice saved={saved} />
      <p className="text-sm">
        <Link href={`/desk/log?measure=${slug}`}>Log a development about this measure</Link>
      </p>
      <MeasureForm action={updateMeasureAction} parties={parties} subjects={subjects} timeZones={listTimeZones()} initial={measure.values} record={{ key: slug, version: measure.version }} />
      <details className="mt-8">
        <summary className="cursor-pointer font-serif text-xl font-bold">Revisions ({revisions.length})</summary>
        <div className="mt-3">
          <RevisionList revisions={revisions} />
        </div>
      </details>
    </section>
  );
}
