import "server-only";
import type { z } from "zod";
import type { TCitationChange } from "../../domain/revision-diff";
import { diffLines } from "../../domain/revision-text";
import type { ZPublicRevisionListResponse } from "../../schemas/revision-api";
import type { TPublicRevisions } from "./list-public-revisions";

function citationChangeJson(change: TCitationChange) {
  if (change.change === "changed") return { change: change.change, url: change.url, fields: change.fields };
  const citation = change.change === "added" ? change.after : change.before;
  const { url: _url, ...fields } = citation;
  return {
    change: change.change,
    url: change.url,
    fields: Object.entries(fields).map(([field, value]) => (change.change === "added" ? { field, before: null, after: value } : { field, before: value, after: null })),
  };
}

/** The public revision history as the API answers it. */
export function publicRevisionsJson({ entry, versions, isTruncated, asOf }: TPublicRevisions): z.input<typeof ZPublicRevisionListResponse> {
  return {
    asOf: asOf ? { instant: asOf.instant.toISOString(), axis: asOf.axis } : null,
    data: {
      id: entry.id,
      headline: entry.headline,
      state: entry.state === "RETRACTED" ? "RETRACTED" : "PUBLISHED",
      isTruncated,
      versions: versions.map((version) => ({
        version: version.version,
        savedAt: version.savedAt.toISOString(),
        savedBy: version.savedBy,
        reviewedBy: version.reviewedBy,
        kind: version.kind,
        correctionType: version.correctionType,
        reason: version.reason,
        changes: version.diff.fields,
        citationChanges: version.diff.citations.map(citationChangeJson),
        summary: diffLines(version.diff, version.before, version.after),
      })),
    },
  };
}
