import type { Metadata } from "next";
import Link from "next/link";
import { MeasureForm } from "@/components/desk/measure-form";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listPartyOptions, listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { createMeasureAction } from "../actions";

export const metadata: Metadata = { title: "New trade measure" };

export default async function NewMeasurePage() {
  const actor = await requireSignedIn("/desk/measures/new", "measure:write");
  const parties = await listPartyOptions(actor);
  const subjects = await listSubjectOptions(actor);
  return (
    <section aria-labelledby="new-measure-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link>
      </p>
      <h1 id="new-measure-heading" className="font-serif text-3xl font-bold">
        New trade measure
      </h1>
      <MeasureForm
        action={createMeasureAction}
        parties={parties}
        subjects={subjects}
        timeZones={listTimeZones()}
        initial={{ title: "", imposingPartyCode: "", targetPartyCodes: [], measureType: "", products: "", hsCodes: "", announcedOn: "", effectiveOn: "", timeZone: "UTC", summary: "", links: [] }}
      />
    </section>
  );
}
