import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { LinkType } from "../generated/prisma/enums";
import { historyOrderSql } from "./history-sql";
import type { TSubjectColumn } from "./status-sql";
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
