import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { currentConditionState } from "../../domain/condition-states";
import type { TResolvedCitation } from "../status-changes/resolve-citations";
import type { TTransaction } from "../write-transaction";

/** What a condition's revisions, audit events and desk page read: the condition and its whole cited history. */
export const CONDITION_RECORD_SELECT = {
  id: true,
  statusChangeId: true,
  statement: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  dependsOnAgreement: { select: { slug: true, title: true, shortName: true } },
  dependsOnMeasure: { select: { slug: true, title: true } },
  statusChange: { select: { headline: true, state: true, agreement: { select: { slug: true } }, measure: { select: { slug: true } } } },
  states: {
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      state: true,
      note: true,
      occurredAt: true,
      occurredPrecision: true,
      timeZone: true,
      createdAt: true,
      citations: {
        orderBy: { position: "asc" },
        select: { sourceId: true, quote: true, quoteOriginal: true, quoteLanguage: true, locator: true, credibility: true, source: { select: { url: true, title: true, publisher: true, retiredAt: true, retiredReason: true } } },
      },
    },
  },
} satisfies Prisma.ConditionSelect;

export type TConditionRecord = Prisma.ConditionGetPayload<{ select: typeof CONDITION_RECORD_SELECT }>;

/** A condition as its revisions keep it: plain JSON-able fields, the history oldest first. */
export function conditionSnapshot(record: TConditionRecord) {
  return {
    id: record.id,
    statusChangeId: record.statusChangeId,
    statement: record.statement,
    dependsOn: record.dependsOnAgreement
      ? { kind: "AGREEMENT", slug: record.dependsOnAgreement.slug }
      : record.dependsOnMeasure
        ? { kind: "MEASURE", slug: record.dependsOnMeasure.slug }
        : null,
    version: record.version,
    currentState: currentConditionState(record.states)?.state ?? null,
    states: record.states.map((entry) => ({
      state: entry.state,
      note: entry.note,
      occurredAt: entry.occurredAt,
      occurredPrecision: entry.occurredPrecision,
      timeZone: entry.timeZone,
      citations: entry.citations.map((citation) => ({ ...citation.source, sourceId: citation.sourceId, quote: citation.quote, locator: citation.locator, credibility: citation.credibility })),
    })),
  };
}

export async function readConditionRecord(tx: TTransaction, id: string): Promise<TConditionRecord | null> {
  return tx.condition.findUnique({ where: { id }, select: CONDITION_RECORD_SELECT });
}

/** Writes one state of a condition with its citations. */
export async function insertConditionState(
  tx: TTransaction,
  authorId: string,
  conditionId: string,
  state: { state: TConditionRecord["states"][number]["state"]; note: string; occurredAt: Date; occurredPrecision: TConditionRecord["states"][number]["occurredPrecision"]; timeZone: string },
  citations: TResolvedCitation[],
): Promise<void> {
  await tx.conditionStateChange.create({
    data: {
      conditionId,
      state: state.state,
      note: state.note,
      occurredAt: state.occurredAt,
      occurredPrecision: state.occurredPrecision,
      timeZone: state.timeZone,
      authorId,
      citations: {
        create: citations.map((citation) => ({
          sourceId: citation.sourceId,
          quote: citation.quote,
          quoteOriginal: citation.quoteOriginal,
          quoteLanguage: citation.quoteLanguage,
          locator: citation.locator,
          credibility: citation.credibility,
          position: citation.position,
        })),
      },
    },
  });
}
