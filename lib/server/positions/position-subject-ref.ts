import type { TPositionRecord } from "./position-record";

/** The form value ("agreement:slug", "measure:slug", "development:id") and the reader page of a position's subject. */
export function positionSubjectRef(record: Pick<TPositionRecord, "agreement" | "measure" | "statusChangeId" | "statusChange">) {
  if (record.agreement) return { value: `agreement:${record.agreement.slug}`, href: `/agreements/${record.agreement.slug}`, name: record.agreement.shortName || record.agreement.title };
  if (record.measure) return { value: `measure:${record.measure.slug}`, href: `/measures/${record.measure.slug}`, name: record.measure.title };
  return { value: `development:${record.statusChangeId}`, href: `/developments/${record.statusChangeId}`, name: record.statusChange?.headline ?? "a development" };
}
