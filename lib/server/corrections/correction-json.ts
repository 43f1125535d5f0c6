import "server-only";
import { CORRECTION_TYPE_LABELS, REVISION_KIND_LABELS } from "../../domain/corrections";
import { keepAsOf, type TAsOfParams } from "../../domain/as-of-link";
import { wrongAndNow } from "../../domain/revision-text";
import type { TCorrection } from "./list-corrections";

/** A correction as the API and the JSON export give it: what was wrong, what it is now, the type, the reason, when (the development's link keeps an asOf). */
export function correctionJson(correction: TCorrection, origin = "", asOf?: TAsOfParams) {
  const { wrong, now } = wrongAndNow(correction.diff, correction.before, correction.after);
  return {
    id: correction.id,
    recordedAt: correction.recordedAt.toISOString(),
    kind: correction.kind,
    kindLabel: REVISION_KIND_LABELS[correction.kind],
    correctionType: correction.correctionType,
    correctionTypeLabel: correction.correctionType ? CORRECTION_TYPE_LABELS[correction.correctionType] : null,
    reason: correction.reason,
    version: correction.version,
    savedBy: correction.savedBy,
    wrong,
    now,
    development: {
      id: correction.entry.id,
      url: `${origin}${keepAsOf(`/developments/${correction.entry.id}`, asOf)}`,
      revisionsUrl: `${origin}/developments/${correction.entry.id}/revisions#version-${correction.version}`,
      headline: correction.entry.headline,
      state: correction.entry.state,
      subject: { kind: correction.entry.subject.kind, slug: correction.entry.subject.slug, name: correction.entry.subject.name },
    },
  };
}

export const CORRECTION_CSV_COLUMNS = [
  "correction_id", "recorded_at", "kind", "correction_type", "reason", "what_was_wrong", "what_it_is_now", "saved_by",
  "development_id", "development_url", "revisions_url", "headline", "state", "subject_kind", "subject_slug", "subject_name",
] as const;

/** One CSV row of a correction; several changed fields share a cell, one a line. */
export function correctionCsvCells(correction: TCorrection, origin: string, asOf?: TAsOfParams): string[] {
  const json = correctionJson(correction, origin, asOf);
  return [
    json.id, json.recordedAt, json.kind, json.correctionType ?? "", json.reason ?? "", json.wrong.join("\n"), json.now.join("\n"), json.savedBy,
    json.development.id, json.development.url, json.development.revisionsUrl, json.development.headline, json.development.state,
    json.development.subject.kind === "AGREEMENT" ? "agreement" : "trade measure", json.development.subject.slug, json.development.subject.name,
  ];
}
