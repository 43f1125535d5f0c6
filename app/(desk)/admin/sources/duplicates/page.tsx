import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { formatInstant, formatOccurred } from "@/lib/domain/dates";
import { DUPLICATE_REASON_LABELS } from "@/lib/domain/source-duplicates";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listDuplicateCandidates, type TDuplicateCard } from "@/lib/server/sources/list-duplicate-candidates";
import { MergeForm } from "./merge-form";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Duplicate sources" };

const ROWS: { label: string; show: (card: TDuplicateCard) => ReactNode }[] = [
  { label: "Title", show: (card) => <Link href={`/admin/sources/${card.id}`}>{card.title}</Link> },
  { label: "Publisher", show: (card) => card.publisher },
  { label: "Link", show: (card) => <span className="break-all">{card.url}</span> },
  { label: "Archived copy", show: (card) => (card.archiveUrl ? <span className="break-all">{card.archiveUrl}</span> : "none") },
  { label: "Published", show: (card) => (card.publishedAt ? formatOccurred(card.publishedAt, "DAY", "UTC") : "unknown") },
  { label: "Authors", show: (card) => card.authors.join(", ") || "none recorded" },
  { label: "Kind", show: (card) => SOURCE_KIND_LABELS[card.kind] },
  { label: "Reliability", show: (card) => (card.isGraded ? `${card.reliability} · ${RELIABILITY_GRADES[card.reliability].label}` : "not graded yet") },
  { label: "Citations", show: (card) => String(card.citationCount) },
  { label: "State", show: (card) => (card.retiredAt ? `retired: ${card.retiredReason ?? ""}` : "in use") },
  { label: "Added", show: (card) => formatInstant(card.createdAt, "UTC") },
];

export default async function DuplicateSourcesPage() {
  await connection();
  const actor = await requireSignedIn("/admin/sources/duplicates", "source:merge");
  const { proposals, total } = await listDuplicateCandidates(actor);
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-muted">
          <Link href="/admin/sources">Source registry</Link> / duplicates
        </p>
        <h1 className="mt-1 font-serif text-3xl font-bold">Duplicate sources</h1>
        <p className="mt-1 max-w-prose text-muted">
          Sources that look like one article: the same link under today&apos;s canonicalisation rules (a link stored before a rule was added), the same
          title and publisher, or the same archived copy. Merging moves every citation of the duplicate to the kept source and leaves the duplicate as a
          redirect; it can be undone from the duplicate&apos;s page while neither source has changed.
        </p>
      </div>
      {proposals.length === 0 ? (
        <p>No likely duplicates in the registry.</p>
      ) : (
        <p>
          {total} proposal{total === 1 ? "" : "s"}
          {total > proposals.length && <>, the first {proposals.length} shown</>}.
        </p>
      )}
      {proposals.map((proposal) => {
        const headingId = `proposal-${proposal.target.id}`;
        const cards = [proposal.target, ...proposal.duplicates];
        return (
          <article key={proposal.key} aria-labelledby={headingId} className="rounded border border-rule bg-white p-4">
            <h2 id={headingId} className="font-serif text-xl font-bold">
              {proposal.target.title}
            </h2>
            <p className="text-sm text-muted">Matched on: {proposal.reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join("; ")}.</p>
            <div className="mt-3 overflow-x-auto">
              <Table caption="The sources side by side, the one proposed to keep first">
                <TableHead>
                    <TableCell />
                    {cards.map((card, index) => (
                      <ColumnHeader key={card.id} className="align-bottom">
                        {index === 0 ? "Keep" : `Duplicate ${index}`}
                      </ColumnHeader>
                    ))}
                  </TableHead>
                <TableBody>
                  {ROWS.map((row) => (
                    <TableRow key={row.label}>
                      <RowHeader>
                        {row.label}
                      </RowHeader>
                      {cards.map((card) => (
                        <TableCell key={card.id}>
                          {row.show(card)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                  <TableRow>
                    <RowHeader>
                      Action
                    </RowHeader>
                    <TableCell className="text-muted">Proposed to keep (in use first, then a canonical link, the most citations, a grade, the oldest)</TableCell>
                    {proposal.duplicates.map((duplicate) => (
                      <TableCell key={duplicate.id} className="space-y-2">
                        {duplicate.reasons.length === 0 && <p className="text-muted">Tied through another duplicate above.</p>}
                        {duplicate.sharedEntryCount > 0 && (
                          <p className="text-amber-900">
                            {duplicate.sharedEntryCount} entr{duplicate.sharedEntryCount === 1 ? "y cites" : "ies cite"} both: after the merge
                            {duplicate.sharedEntryCount === 1 ? " it cites" : " they cite"} the kept source twice (both quotes kept).
                          </p>
                        )}
                        <MergeForm duplicate={duplicate} target={proposal.target} label="Merge into the kept source" />
                        {!proposal.target.retiredAt && !duplicate.retiredAt && (
                          <MergeForm duplicate={proposal.target} target={duplicate} label="Keep this one instead" variant="secondary" />
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableBody>
              </Table>
            </div>
          </article>
        );
      })}
    </div>
  );
}
