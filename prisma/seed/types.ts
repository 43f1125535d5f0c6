// Shapes of the demo dataset (SPEC §8). Pure data: prisma/seed/load-demo-data.ts writes it.
// Dates: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the precision follows from the form) read in the
// entry's timeZone; instants (effectiveAt, publishedAt with a time) are ISO 8601 with an offset.

import type {
  AgreementKind,
  Direction,
  LinkType,
  MeasureType,
  Reliability,
  SourceKind,
  Status,
} from "../../lib/generated/prisma/enums";

export type TDemoSource = {
  /** Stable key that citations refer to, e.g. "nyt-2019-11-22". */
  key: string;
  /** The URL as published; the loader canonicalises it. http(s) only. */
  url: string;
  title: string;
  publisher: string;
  authors: string[];
  /** "YYYY-MM-DD" or an ISO instant with offset. */
  publishedAt: string;
  kind: SourceKind;
  reliability: Reliability;
  reliabilityNote?: string;
  /** ISO 639-1 language of the source. */
  language: string;
  /** The owner or wire agency whose report this is, where the reference says so (corroboration counts a group once). */
  publisherGroup?: string;
};

export type TDemoCitation = {
  source: string;
  /** Verbatim from the source, or omitted when no verbatim text could be checked. */
  quote?: string;
  quoteOriginal?: string;
  quoteLanguage?: string;
  locator?: string;
  /** Admiralty information credibility 1 (confirmed by other sources) … 6 (cannot be judged). */
  credibility: 1 | 2 | 3 | 4 | 5 | 6;
  /** "The source erred: …" (decision 030): loaded as a second version of the entry, as the desk would mark it. */
  erratum?: string;
};

export type TDemoChange = {
  /** Stable key, so a later change can say which scheduled change it cancels. */
  key: string;
  status: Status;
  headline: string;
  /** Markdown. */
  body: string;
  /** "YYYY-MM-DD" | "YYYY-MM" | "YYYY" in timeZone. */
  occurredOn: string;
  timeZone: string;
  /** ISO instant with offset; set when the status takes effect later than it occurred. */
  effectiveAt?: string;
  direction: Direction;
  /** Key of a scheduled change (future effectiveAt at the time) this development stopped. */
  cancels?: string;
  citations: TDemoCitation[];
};

export type TDemoAgreement = {
  slug: string;
  title: string;
  shortName?: string;
  kind: AgreementKind;
  /** Party codes: ISO 3166-1 alpha-3. */
  parties: string[];
  signedOn?: string;
  inForceOn?: string;
  termMonths?: number;
  autoRenews: boolean;
  noticeDays?: number;
  timeZone: string;
  summary: string;
  changes: TDemoChange[];
};

export type TDemoMeasure = {
  slug: string;
  title: string;
  imposing: string;
  targets: string[];
  measureType: MeasureType;
  products: string;
  hsCodes: string[];
  announcedOn?: string;
  effectiveOn?: string;
  timeZone: string;
  summary: string;
  changes: TDemoChange[];
};

export type TDemoLink = {
  /** Slug of an agreement or measure. */
  from: string;
  type: LinkType;
  to: string;
  note: string;
};

export type TDemoDataset = {
  sources: TDemoSource[];
  /** Conditions set by the developments above (prisma/seed/demo-conditions.ts). */
  conditions?: import("./demo-conditions").TDemoCondition[];
  /** Parties' positions on the agreements and measures above (prisma/seed/demo-positions.ts). */
  positions?: import("./demo-positions").TDemoPosition[];
  agreements: TDemoAgreement[];
  measures: TDemoMeasure[];
  links: TDemoLink[];
};
