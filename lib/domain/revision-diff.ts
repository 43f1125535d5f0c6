// What a reader may see of a saved version of a development, and what changed between two of
// them, field by field and citation by citation (issue 12: the public revision history and the
// corrections log). Pure: snapshots arrive as the JSON revisions keep (dates as ISO strings), and
// anything of an unexpected shape reads as absent rather than failing the page.

/** The fields of a version a reader sees, in the order they are listed. */
export const PUBLIC_FIELDS = ["status", "headline", "body", "occurredAt", "occurredPrecision", "timeZone", "effectiveAt", "direction", "cancelsId", "state", "retractionReason"] as const;
export type TPublicField = (typeof PUBLIC_FIELDS)[number];

/** What a citation shows, keyed by its source's address. */
export const CITATION_FIELDS = ["title", "publisher", "quote", "quoteOriginal", "quoteLanguage", "locator", "credibility", "erratum"] as const;
export type TCitationField = (typeof CITATION_FIELDS)[number];

export type TPublicCitation = { url: string } & Record<TCitationField, string | number | null>;
export type TPublicVersion = Record<TPublicField, string | null> & { citations: TPublicCitation[] };

export type TFieldChange = { field: TPublicField; before: string | null; after: string | null };
export type TCitationChange =
  | { change: "added"; url: string; after: TPublicCitation }
  | { change: "removed"; url: string; before: TPublicCitation }
  | { change: "changed"; url: string; title: string; fields: { field: TCitationField; before: string | number | null; after: string | number | null }[] };
export type TVersionDiff = { fields: TFieldChange[]; citations: TCitationChange[] };

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function citationValue(value: unknown): string | number | null {
  return typeof value === "number" ? value : scalar(value);
}

/** A snapshot as a reader may see it: only the listed fields, never ids of accounts or bookkeeping. */
export function toPublicVersion(snapshot: unknown): TPublicVersion {
  const record = snapshot !== null && typeof snapshot === "object" ? (snapshot as Record<string, unknown>) : {};
  const fields = Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, scalar(record[field])])) as Record<TPublicField, string | null>;
  const rows = Array.isArray(record.citations) ? record.citations : [];
  const citations = rows.flatMap((row): TPublicCitation[] => {
    if (row === null || typeof row !== "object") return [];
    const citation = row as Record<string, unknown>;
    const url = scalar(citation.url);
    if (url === null) return [];
    return [{ url, ...(Object.fromEntries(CITATION_FIELDS.map((field) => [field, citationValue(citation[field])])) as Record<TCitationField, string | number | null>) }];
  });
  return { ...fields, citations };
}

/**
 * What changed from `before` to `after` (null `before`: the first public version, which changed
 * nothing yet and lists no differences). Citations are matched by their source's address, so a
 * reordering is no change and a replaced source is one removed and one added.
 */
export function diffVersions(before: TPublicVersion | null, after: TPublicVersion): TVersionDiff {
  if (!before) return { fields: [], citations: [] };
  const fields = PUBLIC_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({ field, before: before[field], after: after[field] }));
  const old = new Map(before.citations.map((citation) => [citation.url, citation]));
  const now = new Map(after.citations.map((citation) => [citation.url, citation]));
  const citations: TCitationChange[] = [];
  for (const citation of before.citations) if (!now.has(citation.url)) citations.push({ change: "removed", url: citation.url, before: citation });
  for (const citation of after.citations) {
    const previous = old.get(citation.url);
    if (!previous) {
      citations.push({ change: "added", url: citation.url, after: citation });
      continue;
    }
    const changed = CITATION_FIELDS.filter((field) => previous[field] !== citation[field]).map((field) => ({ field, before: previous[field], after: citation[field] }));
    if (changed.length > 0) citations.push({ change: "changed", url: citation.url, title: String(citation.title ?? citation.url), fields: changed });
  }
  return { fields, citations };
}

/** True when nothing a reader sees differs. */
export function isEmptyDiff(diff: TVersionDiff): boolean {
  return diff.fields.length === 0 && diff.citations.length === 0;
}
