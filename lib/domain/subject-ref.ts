// How an agreement or a trade measure is linked and named everywhere (pages, feeds' links,
// history entries, the desk): its reader page is /agreements/<slug> or /measures/<slug>, and an
// agreement goes by its short name when it has one ("GSOMIA"), a measure by its title.

export type TSubjectKind = "AGREEMENT" | "MEASURE";
export type TSubjectRef = { kind: TSubjectKind; slug: string; name: string; href: string };

type TAgreementNames = { slug: string; title: string; shortName?: string | null };
type TMeasureNames = { slug: string; title: string };

/** The reader's page of a subject. */
export function subjectHref(kind: TSubjectKind, slug: string): string {
  return kind === "AGREEMENT" ? `/agreements/${slug}` : `/measures/${slug}`;
}

/** What an agreement is called: its short name, else its title. */
export function agreementName(agreement: { title: string; shortName?: string | null }): string {
  return agreement.shortName || agreement.title;
}

export function agreementRef(agreement: TAgreementNames): TSubjectRef {
  return { kind: "AGREEMENT", slug: agreement.slug, name: agreementName(agreement), href: subjectHref("AGREEMENT", agreement.slug) };
}

export function measureRef(measure: TMeasureNames): TSubjectRef {
  return { kind: "MEASURE", slug: measure.slug, name: measure.title, href: subjectHref("MEASURE", measure.slug) };
}

/** The subject of an entry that has either an agreement or a measure; null for neither. */
export function subjectRef(entry: { agreement?: TAgreementNames | null; measure?: TMeasureNames | null }): TSubjectRef | null {
  if (entry.agreement) return agreementRef(entry.agreement);
  if (entry.measure) return measureRef(entry.measure);
  return null;
}
