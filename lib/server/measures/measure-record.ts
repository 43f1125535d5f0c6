import "server-only";
import type { Prisma } from "../../generated/prisma/client";

export const MEASURE_RECORD_SELECT = {
  id: true,
  slug: true,
  title: true,
  measureType: true,
  products: true,
  hsCodes: true,
  announcedOn: true,
  effectiveOn: true,
  timeZone: true,
  summary: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  imposingParty: { select: { code: true } },
  targets: { select: { party: { select: { code: true } } } },
  linksFrom: {
    orderBy: { createdAt: "asc" },
    select: { type: true, note: true, toAgreement: { select: { slug: true } }, toMeasure: { select: { slug: true } } },
  },
} as const satisfies Prisma.TradeMeasureSelect;

export type TMeasureRecord = Prisma.TradeMeasureGetPayload<{ select: typeof MEASURE_RECORD_SELECT }>;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

function linkRows(record: TMeasureRecord) {
  return record.linksFrom.map((link) => ({
    type: link.type,
    target: link.toAgreement ? `agreement:${link.toAgreement.slug}` : `measure:${link.toMeasure?.slug ?? ""}`,
    note: link.note,
  }));
}

/** What a revision and the audit log keep of a measure, its links included. */
export function measureSnapshot(record: TMeasureRecord) {
  const { imposingParty, targets, linksFrom: _links, ...fields } = record;
  return {
    ...fields,
    imposingPartyCode: imposingParty.code,
    targetPartyCodes: targets.map(({ party }) => party.code).sort(),
    links: linkRows(record),
  };
}

/** The measure as its edit form shows it. */
export function measureFormValues(record: TMeasureRecord) {
  return {
    title: record.title,
    imposingPartyCode: record.imposingParty.code,
    targetPartyCodes: record.targets.map(({ party }) => party.code).sort(),
    measureType: record.measureType,
    products: record.products,
    hsCodes: record.hsCodes.join(", "),
    announcedOn: isoDate(record.announcedOn),
    effectiveOn: isoDate(record.effectiveOn),
    timeZone: record.timeZone,
    summary: record.summary,
    links: linkRows(record),
  };
}

export type TMeasureFormValues = ReturnType<typeof measureFormValues>;
