import type { Metadata } from "next";
import Link from "next/link";
import { ConditionDate } from "@/components/condition-history";
import { AddPositionForm } from "@/components/desk/position-forms";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getPositionForDesk } from "@/lib/server/positions/get-position-for-desk";
import { positionSubjectRef } from "@/lib/server/positions/position-subject-ref";
import { addPositionAction } from "../../actions";

export const metadata: Metadata = { title: "Supersede a position" };

type TProps = { params: Promise<{ id: string }> };

export default async function SupersedePositionPage({ params }: TProps) {
  const { id } = await params;
  const actor = await requireSignedIn(`/desk/positions/${id}/supersede`, "position:write");
  const earlier = await orNotFound(getPositionForDesk(actor, id));
  const subject = positionSubjectRef(earlier);
  return (
    <section aria-labelledby="supersede-heading" className="max-w-3xl space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/desk/positions/${earlier.id}`}>{earlier.party.name}&apos;s position on {subject.name}</Link>
      </p>
      <h1 id="supersede-heading" className="font-serif text-3xl font-bold">
        Supersede a position
      </h1>
      <p>
        A later statement of {earlier.party.name} on {subject.name} that replaces “{earlier.quote}” ({earlier.speaker}, <ConditionDate at={earlier.statedAt} precision={earlier.statedPrecision} timeZone={earlier.timeZone} />). The earlier position stays in the party&apos;s history.
      </p>
      {earlier.supersededBy ? (
        <p role="alert">
          This position was already superseded: <Link href={`/desk/positions/${earlier.supersededBy.id}`} className="underline">supersede the later one</Link> instead.
        </p>
      ) : (
        <AddPositionForm
          action={addPositionAction}
          subject={subject.value}
          parties={[]}
          supersedes={{ id: earlier.id, version: earlier.version, partyCode: earlier.party.code }}
          timeZones={listTimeZones()}
          initial={{ timeZone: earlier.timeZone, quoteLanguage: earlier.quoteLanguage, speaker: earlier.speaker }}
        />
      )}
    </section>
  );
}
