import type { Metadata } from "next";
import Link from "next/link";
import { RevisionList } from "@/components/desk/revision-list";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listRevisions } from "@/lib/server/revisions/list-revisions";
import { loadEntry } from "../load";

export const metadata: Metadata = { title: "Revisions of an entry" };

type TProps = { params: Promise<{ id: string }> };

export default async function EntryRevisionsPage({ params }: TProps) {
  const { id } = await params;
  const actor = await requireSignedIn(`/desk/entries/${id}/revisions`, "draft:read");
  const { record } = await loadEntry(actor, id);
  const revisions = await listRevisions(actor, "StatusChange", id);
  return (
    <section aria-labelledby="revisions-heading" className="space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/desk/entries/${id}`}>{record.headline}</Link>
      </p>
      <h1 id="revisions-heading" className="font-serif text-3xl font-bold">
        Revisions
      </h1>
      <p>Every save of a published entry is kept: the version as it stood after the save, who saved it and when.</p>
      <RevisionList revisions={revisions} />
    </section>
  );
}
