import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { LinkType } from "../generated/prisma/enums";
import type { TBoundedSkeletonJson } from "./rows/subject-json";
import { deriveStatus, type StatusDerivation, type StatusHistoryEntry } from "../domain/status-derivation";
import { historyOrderSql } from "./history-sql";
import { currentStatusJoin, type TSubjectColumn } from "./status-sql";
import { subjectHref } from "../domain/subject-ref";

// Pieces shared by the agreement and trade-measure pages: the skeleton of a history (every
// published change, only the fields the status rules read) and the items linked to a subject.

/** JSON of every published change of the subject, oldest first, minimal fields: for deriveStatus and the timeline. */
export function skeletonJsonSql(column: TSubjectColumn, subjectId: Prisma.Sql): Prisma.Sql {
  const subjectColumn = Prisma.raw(`k."${column}"`);
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('id', k.id, 'status', k.status, 'state', k.state, 'occurredAt', k."occurredAt",
      'effectiveAt', k."effectiveAt", 'cancelsId', k."cancelsId", 'createdAt', k."createdAt", 'direction', k.direction,
      'headline', k.headline, 'occurredPrecision', k."occurredPrecision", 'timeZone', k."timeZone")
      ORDER BY ${historyOrderSql("effective", "k", "ASC")})
    FROM "StatusChange" k WHERE ${subjectColumn} = ${subjectId} AND k.state = 'PUBLISHED'), '[]'::json)`;
}

/**
 * How many of the latest published changes a subject page's skeleton holds (see
 * boundedSkeletonJsonSql). A 960-unit timeline shows about a hundred distinct bands; at 400 the
 * 50,000-entry page drew 400 and was 1.55× the 50-entry one (target 1.3×), so 150.
 */
export const SKELETON_WINDOW = 150;

/**
 * JSON {"changes": […], "truncated": bool} of a bounded skeleton, oldest first: the latest
 * `window` published changes, every published change still ahead of `now` (a pending deadline),
 * the current status's change (found as the status SQL finds it) and every change that cancels a
 * scheduled one among them. deriveStatus on it gives the same current status and pending
 * deadlines as on the whole history, and the timeline's bands of the window period; a 50 000-entry
 * history reads a few hundred rows, not all of them. "truncated": older changes exist.
 * `current`, when the caller has the subject's current status already (a relation's lanes), is
 * a one-row SELECT of its "currentId", "sinceId" and "currentSince", so it is not looked up twice.
 */
export function boundedSkeletonJsonSql(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date, window: number = SKELETON_WINDOW, current?: Prisma.Sql): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const fieldsOf = (alias: string) => {
    const table = Prisma.raw(alias);
    return Prisma.sql`${table}.id, ${table}.status, ${table}.state, ${table}."occurredAt", ${table}."effectiveAt", ${table}."effectiveTime", ${table}."cancelsId", ${table}."createdAt", ${table}.direction, ${table}.headline, ${table}."occurredPrecision", ${table}."timeZone"`;
  };
  const fields = fieldsOf("k");
  return Prisma.sql`(
    WITH current_status AS MATERIALIZED (
      ${current ?? Prisma.sql`SELECT current.* FROM (SELECT 1) one ${currentStatusJoin(column, subjectId, now)}`}
    ), recent_and_one AS MATERIALIZED (
      -- One more than the window: whether it exists says whether older changes do, along the
      -- same index walk (a separate "anything older?" probe was planned as a sequential scan
      -- whenever the subject held a large share of the table).
      SELECT ${fields}, row_number() OVER (ORDER BY ${historyOrderSql("effective", "k", "DESC")}) AS rank
      FROM "StatusChange" k WHERE k.${col} = ${subjectId} AND k.state = 'PUBLISHED'
      ORDER BY ${historyOrderSql("effective", "k", "DESC")} LIMIT ${window + 1}
    ), recent AS MATERIALIZED (
      SELECT ${fieldsOf("recent_and_one")} FROM recent_and_one WHERE rank <= ${window}
    ), kept AS MATERIALIZED (
      SELECT * FROM recent
      UNION
      SELECT ${fields} FROM "StatusChange" k WHERE k.${col} = ${subjectId} AND k.state = 'PUBLISHED' AND k."effectiveTime" > ${now}
      UNION
      SELECT ${fields} FROM current_status JOIN "StatusChange" k ON k.id IN (current_status."currentId", current_status."sinceId")
    ), skeleton AS (
      SELECT * FROM kept
      UNION
      SELECT ${fields} FROM kept JOIN "StatusChange" k ON k."cancelsId" = kept.id
      WHERE kept."effectiveAt" IS NOT NULL AND k.state = 'PUBLISHED' AND k.${col} = ${subjectId}
    )
    SELECT json_build_object(
      'since', (SELECT json_build_object('changeId', "currentId", 'sinceChangeId', "sinceId", 'since', "currentSince") FROM current_status WHERE "currentId" IS NOT NULL),
      'changes', COALESCE((SELECT json_agg(json_build_object('id', k.id, 'status', k.status, 'state', k.state, 'occurredAt', k."occurredAt",
        'effectiveAt', k."effectiveAt", 'cancelsId', k."cancelsId", 'createdAt', k."createdAt", 'direction', k.direction,
        'headline', k.headline, 'occurredPrecision', k."occurredPrecision", 'timeZone', k."timeZone",
        'inWindow', k.id IN (SELECT id FROM recent))
        ORDER BY ${historyOrderSql("effective", "k", "ASC")}) FROM skeleton k), '[]'::json),
      'truncated', (SELECT count(*) FROM recent_and_one) > ${window})
  )`;
}

/** A bounded skeleton as boundedSkeletonJsonSql returns it (ZBoundedSkeletonJson parses the json, instants made Dates). */
export type { TBoundedSkeletonJson } from "./rows/subject-json";

/**
 * deriveStatus on a bounded skeleton: the same current change, pending deadlines and cancellations
 * as on the whole history; the start of the current run (which may lie before the window) comes
 * from the status SQL, which read the whole history for it.
 */
export function deriveBoundedStatus(skeleton: TBoundedSkeletonJson, history: readonly StatusHistoryEntry[], now: Date): StatusDerivation {
  const derivation = deriveStatus(history, now);
  if (!derivation.current || !skeleton.since || skeleton.since.changeId !== derivation.current.changeId) return derivation;
  return { ...derivation, current: { ...derivation.current, since: skeleton.since.since, sinceChangeId: skeleton.since.sinceChangeId } };
}

/** One change of a skeleton (ZSkeletonChange parses the json, instants made Dates): what deriveStatus reads, plus what the timeline draws. */
export type { TSkeletonChange } from "./rows/subject-json";

/** JSON of the links from and to the subject, each with the item at the other end. */
export function linksJsonSql(kind: "agreement" | "measure", subjectId: Prisma.Sql): Prisma.Sql {
  const [from, to] = kind === "agreement" ? [Prisma.raw(`l."fromAgreementId"`), Prisma.raw(`l."toAgreementId"`)] : [Prisma.raw(`l."fromMeasureId"`), Prisma.raw(`l."toMeasureId"`)];
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('type', l.type, 'note', l.note, 'outgoing', COALESCE(${from} = ${subjectId}, false),
      'kind', CASE WHEN other_agreement.id IS NOT NULL THEN 'AGREEMENT' ELSE 'MEASURE' END,
      'slug', COALESCE(other_agreement.slug, other_measure.slug),
      'name', COALESCE(other_agreement."shortName", other_agreement.title, other_measure.title)) ORDER BY l."createdAt")
    FROM "Link" l
      LEFT JOIN "Agreement" other_agreement ON other_agreement.id = CASE WHEN ${from} = ${subjectId} THEN l."toAgreementId" ELSE l."fromAgreementId" END
      LEFT JOIN "TradeMeasure" other_measure ON other_measure.id = CASE WHEN ${from} = ${subjectId} THEN l."toMeasureId" ELSE l."fromMeasureId" END
    WHERE ${from} = ${subjectId} OR ${to} = ${subjectId}), '[]'::json)`;
}

/** A link as the subject's page shows it: outgoing ("this is a retaliation for …") or incoming. */
export type TRelatedItem = {
  type: LinkType;
  note: string;
  outgoing: boolean;
  kind: "AGREEMENT" | "MEASURE";
  slug: string;
  name: string;
  href: string;
};

/** Adds each related item's address. */
export function toRelatedItems(rows: Omit<TRelatedItem, "href">[]): TRelatedItem[] {
  return rows.map((row) => ({ ...row, href: subjectHref(row.kind, row.slug) }));
}
