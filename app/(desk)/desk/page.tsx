import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { formatOccurred } from "@/lib/domain/dates";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { listDeskEntries, type TDeskEntry } from "@/lib/server/status-changes/list-desk-entries";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";
import { ENTRY_STATE_LABELS, authorName } from "@/lib/domain/entry-states";
import { subjectRef } from "@/lib/domain/subject-ref";

export const metadata: Metadata = { title: "Desk" };


function EntryTable({ entries, caption, empty }: { entries: TDeskEntry[]; caption: string; empty: string }) {
  if (entries.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <Table caption={caption}>
      <TableHead>
          <ColumnHeader>
            Development
          </ColumnHeader>
          <ColumnHeader>
            About
          </ColumnHeader>
          <ColumnHeader>
            Occurred
          </ColumnHeader>
          <ColumnHeader>
            State
          </ColumnHeader>
          <ColumnHeader>
            Last saved
          </ColumnHeader>
        </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>
              <Link href={`/desk/entries/${entry.id}`}>{entry.headline}</Link>
              <span className="mt-1 block">
                <StatusBadge status={entry.status} />
              </span>
            </TableCell>
            <TableCell>{subjectRef(entry)?.name}</TableCell>
            <TableCell>{formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}</TableCell>
            <TableCell>
              {ENTRY_STATE_LABELS[entry.state]}
              {entry._count.citations === 0 && <span className="block text-amber-900">no citation yet</span>}
            </TableCell>
            <TableCell>
              {entry.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              <span className="block text-muted">logged by {authorName(entry.author)}</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function DeskPage() {
  const actor = await requireSignedIn("/desk", "draft:read");
  const { myDrafts, othersDrafts, recent } = await listDeskEntries(actor);
  const subjects = await listSubjectOptions(actor);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Desk</h1>
        <p className="mt-1">Signed in as {actor.name}.</p>
        <p className="mt-3 flex flex-wrap gap-4">
          <Link href="/desk/log" className="rounded bg-accent px-4 py-2 font-semibold text-white no-underline hover:no-underline">
            Log a development
          </Link>
          <Link href="/desk/agreements/new" className="self-center">
            New agreement
          </Link>
          <Link href="/desk/measures/new" className="self-center">
            New trade measure
          </Link>
          <Link href="/desk/parties" className="self-center">
            Parties
          </Link>
          <Link href="/desk/review" className="self-center">
            Review queue
          </Link>
        </p>
      </div>
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading" className="font-serif text-2xl font-bold">
          My drafts
        </h2>
        <EntryTable entries={myDrafts} caption="My drafts" empty="No drafts: everything you logged is published." />
      </section>
      {othersDrafts.length > 0 && (
        <section aria-labelledby="others-drafts-heading">
          <h2 id="others-drafts-heading" className="font-serif text-2xl font-bold">
            Other analysts' drafts
          </h2>
          <EntryTable entries={othersDrafts} caption="Other analysts' drafts" empty="" />
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="font-serif text-2xl font-bold">
          Recently saved
        </h2>
        <EntryTable entries={recent} caption="Recently saved published and retracted entries" empty="Nothing published yet." />
      </section>
      <section aria-labelledby="subjects-heading" className="grid gap-6 md:grid-cols-2">
        <h2 id="subjects-heading" className="sr-only">
          Agreements and trade measures
        </h2>
        <div>
          <h3 className="font-serif text-xl font-bold">Agreements</h3>
          <ul className="mt-2 space-y-1">
            {subjects.agreements.map((agreement) => (
              <li key={agreement.value}>
                {agreement.label} · <Link href={`/desk/log?agreement=${agreement.slug}`}>log</Link> ·{" "}
                <Link href={`/desk/agreements/${agreement.slug}/edit`} aria-label={`Edit ${agreement.label}`}>
                  edit
                </Link>{" "}
                ·{" "}
                <Link href={`/desk/positions?subject=${encodeURIComponent(agreement.value)}`} aria-label={`Positions on ${agreement.label}`}>
                  positions
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-serif text-xl font-bold">Trade measures</h3>
          <ul className="mt-2 space-y-1">
            {subjects.measures.map((measure) => (
              <li key={measure.value}>
                {measure.label} · <Link href={`/desk/log?measure=${measure.slug}`}>log</Link> ·{" "}
                <Link href={`/desk/measures/${measure.slug}/edit`} aria-label={`Edit ${measure.label}`}>
                  edit
                </Link>{" "}
                ·{" "}
                <Link href={`/desk/positions?subject=${encodeURIComponent(measure.value)}`} aria-label={`Positions on ${measure.label}`}>
                  positions
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
