import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { conditionStateKnownAt, conditionStateStandsAt } from "../../domain/condition-as-of";
import { currentConditionState, isLiveConditionState } from "../../domain/condition-states";
import { agreementName } from "../../domain/subject-ref";
import { isRecordId } from "../../schemas/record-id";
import type { TAsOf } from "../as-of-sql";
import { AppError } from "../errors";
import { filteredIdPage } from "../keyset";
import { assertCan, type TActor } from "../permissions";
import { readDatabase } from "../read-database";

/** Conditions read per subject, and states per condition: a bound no real record comes near. */
export const MAX_SUBJECT_CONDITIONS = 100;
export const MAX_CONDITION_STATES = 50;

const SOURCE_FIELDS = { url: true, title: true, publisher: true, retiredAt: true, retiredReason: true } as const;
// When the source was published: read for the state's knowledge time, never shown as such.
const SOURCE_SELECT = { ...SOURCE_FIELDS, publishedAt: true, publishedPrecision: true, mergedInto: { select: SOURCE_FIELDS } } as const;

const READER_CONDITION_SELECT = {
  id: true,
  statement: true,
  version: true,
  statusChange: {
    select: {
      id: true,
      headline: true,
      occurredAt: true,
      occurredPrecision: true,
      timeZone: true,
      knownAt: true,
      publishedAt: true,
      agreement: { select: { slug: true, title: true, shortName: true } },
      measure: { select: { slug: true, title: true } },
    },
  },
  dependsOnAgreement: { select: { slug: true, title: true, shortName: true } },
  dependsOnMeasure: { select: { slug: true, title: true } },
  states: {
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: MAX_CONDITION_STATES,
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
        take: 20,
        select: { quote: true, quoteOriginal: true, quoteLanguage: true, locator: true, credibility: true, source: { select: SOURCE_SELECT } },
      },
    },
  },
} satisfies Prisma.ConditionSelect;

type TRow = Prisma.ConditionGetPayload<{ select: typeof READER_CONDITION_SELECT }>;

function subjectOf(entity: { slug: string; title: string; shortName?: string | null } | null, kind: "AGREEMENT" | "MEASURE") {
  if (!entity) return null;
  return { kind, slug: entity.slug, name: kind === "AGREEMENT" ? agreementName({ title: entity.title, shortName: entity.shortName ?? null }) : entity.title };
}

function sourceFields({ url, title, publisher, retiredAt, retiredReason }: TRow["states"][number]["citations"][number]["source"]) {
  return { url, title, publisher, retiredAt, retiredReason };
}

/** The development of a condition stood at the instant (known by then, or published by then). */
function developmentStandsAt(development: TRow["statusChange"], asOf: TAsOf): boolean {
  const from = asOf.axis === "recorded" ? development.publishedAt : development.knownAt;
  return from !== null && from.getTime() <= asOf.instant.getTime();
}

function toReaderCondition(row: TRow, asOf?: TAsOf) {
  const states = row.states
    .map((entry) => ({
      id: entry.id,
      state: entry.state,
      note: entry.note,
      occurredAt: entry.occurredAt,
      occurredPrecision: entry.occurredPrecision,
      timeZone: entry.timeZone,
      createdAt: entry.createdAt,
      knownAt: conditionStateKnownAt(entry, entry.citations.map(({ source }) => source)),
      // A merged source is shown as the source it was merged into (merges move Citation rows only).
      citations: entry.citations.map(({ source, ...citation }) => ({ ...citation, source: source.mergedInto ?? sourceFields(source) })),
    }))
    // As of an instant, only the states that stood then (lib/domain/condition-as-of.ts).
    .filter((entry) => !asOf || conditionStateStandsAt(entry, asOf.instant, asOf.axis));
  const current = currentConditionState(states);
  const development = row.statusChange;
  return {
    id: row.id,
    statement: row.statement,
    development: {
      id: development.id,
      headline: development.headline,
      occurredAt: development.occurredAt,
      occurredPrecision: development.occurredPrecision,
      timeZone: development.timeZone,
      subject: subjectOf(development.agreement, "AGREEMENT") ?? subjectOf(development.measure, "MEASURE")!,
    },
    dependsOn: subjectOf(row.dependsOnAgreement, "AGREEMENT") ?? subjectOf(row.dependsOnMeasure, "MEASURE"),
    currentState: current?.state ?? null,
    isLive: current ? isLiveConditionState(current.state) : false,
    states,
  };
}

export type TReaderCondition = ReturnType<typeof toReaderCondition>;

/** As of an instant: a condition stands when its development did and at least one of its states had. */
function readerConditionsAsOf(rows: TRow[], asOf?: TAsOf): TReaderCondition[] {
  if (!asOf) return rows.map((row) => toReaderCondition(row));
  return rows.filter((row) => developmentStandsAt(row.statusChange, asOf)).map((row) => toReaderCondition(row, asOf)).filter((condition) => condition.states.length > 0);
}

type TWhere =
  | { agreement: string }
  | { measure: string }
  | { statusChangeId: string }
  | { statusChangeIds: string[] }
  | { everything: true }
  | { agreementSlugs: string[]; measureSlugs: string[] };

function whereOf(where: TWhere): Prisma.ConditionWhereInput {
  // Only conditions of published developments are the public record.
  const published = { state: "PUBLISHED" } as const;
  if ("statusChangeId" in where) return { statusChange: { ...published, id: where.statusChangeId } };
  if ("everything" in where) return { statusChange: published };
  if ("statusChangeIds" in where) return { statusChange: { ...published, id: { in: where.statusChangeIds } } };
  if ("agreement" in where) {
    return { OR: [{ statusChange: { ...published, agreement: { slug: where.agreement } } }, { dependsOnAgreement: { slug: where.agreement }, statusChange: published }] };
  }
  if ("measure" in where) {
    return { OR: [{ statusChange: { ...published, measure: { slug: where.measure } } }, { dependsOnMeasure: { slug: where.measure }, statusChange: published }] };
  }
  return {
    statusChange: { ...published, OR: [{ agreement: { slug: { in: where.agreementSlugs } } }, { measure: { slug: { in: where.measureSlugs } } }] },
  };
}

/**
 * The published conditions of an agreement's or a measure's developments, and those that depend
 * on it, each with its cited history oldest first: for the status panel, the timelines, the API
 * and the exports. Bounded (MAX_SUBJECT_CONDITIONS), oldest development first.
 */
export async function listSubjectConditions(actor: TActor, where: TWhere, asOf?: TAsOf) {
  return readerConditionsAsOf(await readConditions(actor, where, { take: MAX_SUBJECT_CONDITIONS }), asOf);
}

/**
 * A keyset page of conditions for the API: in the order they were added (ids are version 7
 * UUIDs, so time-ordered), after the cursor (a condition's id). As of an instant, the conditions
 * that stood then, each with the states that stood, filtered here as for pages (filteredIdPage).
 */
export async function listConditionsPage(actor: TActor, where: TWhere, { cursor, limit, asOf }: { cursor?: string; limit: number; asOf?: TAsOf }) {
  if (cursor !== undefined && !isRecordId(cursor)) throw new AppError("INVALID_INPUT", "Not a page cursor.", { cursor: ["Not a page cursor."] });
  const page = await filteredIdPage(
    async (after, take) => {
      const rows = await readConditions(actor, where, { take, after, isById: true });
      return { items: readerConditionsAsOf(rows, asOf), lastReadId: rows.at(-1)?.id, isLastRead: rows.length < take };
    },
    { cursor, limit, maxRounds: MAX_AS_OF_ROUNDS },
  );
  return { conditions: page.items, nextCursor: page.nextCursor };
}

/** Rounds of reading an API page may take when conditions fail the asOf test in the app (each round moves on). */
const MAX_AS_OF_ROUNDS = 10;

async function readConditions(actor: TActor, where: TWhere, { take, after, isById = false }: { take: number; after?: string; isById?: boolean }) {
  assertCan(actor, "published:read");
  if ("statusChangeId" in where && !isRecordId(where.statusChangeId)) throw new AppError("NOT_FOUND", "There is no such development.");
  const database = await readDatabase(actor);
  return database.condition.findMany({
    where: after ? { AND: [whereOf(where), { id: { gt: after } }] } : whereOf(where),
    // Pages list conditions in the order of their developments; the API pages by id.
    orderBy: isById ? [{ id: "asc" }] : [{ statusChange: { occurredAt: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
    take,
    select: READER_CONDITION_SELECT,
  });
}

/** The breaches among conditions, as escalation markers for a timeline lane. */
export function conditionBreaches(conditions: readonly TReaderCondition[]) {
  return conditions.flatMap((condition) =>
    condition.states
      .filter((entry) => entry.state === "BREACHED")
      .map((entry) => ({ id: entry.id, conditionId: condition.id, statement: condition.statement, occurredAt: entry.occurredAt, occurredPrecision: entry.occurredPrecision, timeZone: entry.timeZone, subject: condition.development.subject })),
  );
}
export type TConditionBreach = ReturnType<typeof conditionBreaches>[number];
