import "server-only";
import type { Prisma } from "../../generated/prisma/client";

export const AGREEMENT_RECORD_SELECT = {
  id: true,
  slug: true,
  title: true,
  shortName: true,
  kind: true,
  signedOn: true,
  inForceOn: true,
  termMonths: true,
  autoRenews: true,
  noticeDays: true,
  timeZone: true,
  summary: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  parties: { select: { party: { select: { code: true } } } },
} as const satisfies Prisma.AgreementSelect;

export type TAgreementRecord = Prisma.AgreementGetPayload<{ select: typeof AGREEMENT_RECORD_SELECT }>;

/** What a revision and the audit log keep of an agreement. */
export function agreementSnapshot(record: TAgreementRecord) {
  const { parties, ...fields } = record;
  return { ...fields, partyCodes: parties.map(({ party }) => party.code).sort() };
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** The agreement as its edit form shows it. */
export function agreementFormValues(record: TAgreementRecord) {
  return {
    title: record.title,
    shortName: record.shortName ?? "",
    kind: record.kind,
    partyCodes: record.parties.map(({ party }) => party.code).sort(),
    signedOn: isoDate(record.signedOn),
    inForceOn: isoDate(record.inForceOn),
    termMonths: record.termMonths === null ? "" : String(record.termMonths),
    autoRenews: record.autoRenews ? "on" : "",
    noticeDays: record.noticeDays === null ? "" : String(record.noticeDays),
    timeZone: record.timeZone,
    summary: record.summary,
  };
}

export type TAgreementFormValues = ReturnType<typeof agreementFormValues>;
