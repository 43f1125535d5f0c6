import { CORRECTION_TYPE_LABELS, REVISION_KIND_LABELS } from "@/lib/domain/corrections";
import { formatInstant } from "@/lib/domain/dates";
import type { TRevision } from "@/lib/server/revisions/list-revisions";
import { showRevisionValue } from "./revision-values";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRow } from "@/components/ui/table";

const FIELD_NAMES: Record<string, string> = {
  status: "Status",
  headline: "Headline",
  body: "Body",
  occurredAt: "Occurred at",
  occurredPrecision: "Date precision",
  timeZone: "Time zone",
  effectiveAt: "Effective at",
  direction: "Direction",
  state: "State",
  cancelsId: "Cancels",
  publishedAt: "Published at",
  retractedAt: "Retracted at",
  retractedById: "Retracted by",
  retractionReason: "Retraction reason",
  citations: "Citations",
  partyCodes: "Parties",
  targetPartyCodes: "Target parties",
  imposingPartyCode: "Imposing party",
  links: "Links",
};

// Ids and the subject are bookkeeping: a reader of the revisions wants what the entry says.
const HIDDEN_FIELDS = new Set(["authorId", "agreementId", "measureId", "subject", "retractedById"]);

/** Every saved version, newest first: who saved it, when, and what changed from the version before. */
export function RevisionList({ revisions }: { revisions: TRevision[] }) {
  // "Before" values are read in the zone and precision of the version they come from.
  const previousSnapshot = (revision: TRevision) => revisions[revisions.indexOf(revision) - 1]?.snapshot ?? revision.snapshot;
  if (revisions.length === 0) return <p>No revisions yet: drafts keep none until they are published.</p>;
  return (
    <ol className="space-y-6" aria-label="Revisions, newest first">
      {[...revisions].reverse().map((revision) => (
        <li key={revision.id} className="rounded border border-rule bg-white p-4">
          <h2 className="font-semibold">
            Version {revision.version}, saved by {revision.savedBy} on{" "}
            <time dateTime={revision.savedAt.toISOString()}>{formatInstant(revision.savedAt, "UTC")}</time>
          </h2>
          {revision.kind && (
            <p className="text-sm">
              <span className="font-semibold">
                {REVISION_KIND_LABELS[revision.kind]}
                {revision.correctionType && ` (${CORRECTION_TYPE_LABELS[revision.correctionType]})`}
              </span>
              {revision.reason && <>: {revision.reason}</>}
            </p>
          )}
          {revision.changes.length === 0 ? (
            <p className="text-sm text-muted">Saved without changes.</p>
          ) : (
            <Table caption={`What changed in version ${revision.version}`} className="mt-2">
              <TableHead>
                  <ColumnHeader>
                    Field
                  </ColumnHeader>
                  <ColumnHeader>
                    Before
                  </ColumnHeader>
                  <ColumnHeader>
                    After
                  </ColumnHeader>
                </TableHead>
              <TableBody>
                {revision.changes
                  .filter((change) => !HIDDEN_FIELDS.has(change.field) && (revision.version !== revisions[0]?.version || showRevisionValue(change.field, change.after, revision.snapshot) !== "—"))
                  .map((change) => (
                  <TableRow key={change.field}>
                    <RowHeader>
                      {FIELD_NAMES[change.field] ?? change.field}
                    </RowHeader>
                    <TableCell className="whitespace-pre-wrap break-words">{revision.version === revisions[0]?.version ? "—" : showRevisionValue(change.field, change.before, previousSnapshot(revision))}</TableCell>
                    <TableCell className="whitespace-pre-wrap break-words">{showRevisionValue(change.field, change.after, revision.snapshot)}</TableCell>
                  </TableRow>
                  ))}
              </TableBody>
            </Table>
          )}
        </li>
      ))}
    </ol>
  );
}
