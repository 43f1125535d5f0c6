import type { Metadata } from "next";
import Link from "next/link";
import { ConditionDate } from "@/components/condition-history";
import { EditPositionForm } from "@/components/desk/position-forms";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { languageName } from "@/lib/domain/position-history";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { can } from "@/lib/server/permissions";
import { getPositionForDesk } from "@/lib/server/positions/get-position-for-desk";
import { toPositionFormValues } from "@/lib/server/positions/position-record";
import { positionSubjectRef } from "@/lib/server/positions/position-subject-ref";
import { editPositionAction } from "../actions";

export const metadata: Metadata = { title: "Position" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const SAVED: Record<string, string> = {
  added: "Position added. Readers see it beside the other parties' (a development's, while the development is published).",
  superseded: "Position added, superseding the earlier one, which readers still see in the party's history.",
  edited: "Position saved. Its earlier version is kept in its revisions.",
};

export default async function PositionDeskPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/positions/${id}`, "draft:read");
  const position = await orNotFound(getPositionForDesk(actor, id));
  const subject = positionSubjectRef(position);
  return (
    <section aria-labelledby="position-heading" className="max-w-3xl space-y-6">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/desk/positions?subject=${encodeURIComponent(subject.value)}`}>Positions on {subject.name}</Link>
      </p>
      <h1 id="position-heading" className="font-serif text-3xl font-bold">
        {position.party.name}&apos;s position on {subject.name}
      </h1>
      {saved && SAVED[saved] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {SAVED[saved]}
        </p>
      )}
      <figure className="rounded border border-rule bg-white p-3">
        <blockquote lang={position.quoteLanguage} className="font-serif text-lg">
          “{position.quote}”
        </blockquote>
        {position.translation && <p lang={position.translationLanguage ?? "en"} className="mt-2 text-sm">“{position.translation}”</p>}
        <figcaption className="mt-2 text-sm">
          — {position.speaker}, <ConditionDate at={position.statedAt} precision={position.statedPrecision} timeZone={position.timeZone} />, in {languageName(position.quoteLanguage)}. Source:{" "}
          <a href={position.source.url} className="underline">
            {position.source.title}
          </a>{" "}
          ({position.source.publisher}){position.locator && `, ${position.locator}`}. Version {position.version}.
        </figcaption>
      </figure>
      <ul className="space-y-1 text-sm [&_a]:underline">
        <li>
          <Link href={subject.href}>See it on the reader&apos;s page</Link>
        </li>
        {position.supersedes && (
          <li>
            Supersedes <Link href={`/desk/positions/${position.supersedes.id}`}>an earlier position</Link>
          </li>
        )}
        {position.supersededBy ? (
          <li>
            Superseded by <Link href={`/desk/positions/${position.supersededBy.id}`}>a later position</Link> (<ConditionDate at={position.supersededBy.statedAt} precision={position.supersededBy.statedPrecision} timeZone={position.supersededBy.timeZone} />)
          </li>
        ) : (
          can(actor, "position:write") && (
            <li>
              <Link href={`/desk/positions/${position.id}/supersede`}>Supersede it with a later statement of {position.party.name}</Link>
            </li>
          )
        )}
      </ul>
      {can(actor, "position:write") && (
        <section aria-labelledby="edit-position-heading" className="space-y-3">
          <h2 id="edit-position-heading" className="font-serif text-xl font-bold">
            Correct this position
          </h2>
          <p className="text-sm text-muted">For a mistake in the record (a misquoted word, a wrong date). A new statement of the party is a superseding position, not an edit.</p>
          <EditPositionForm action={editPositionAction} id={position.id} version={position.version} timeZones={listTimeZones()} initial={toPositionFormValues(position)} />
        </section>
      )}
    </section>
  );
}
