import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import { boundedTimeline } from "../../domain/bounded-timeline";
import { readDatabase } from "../read-database";
import { decodeCursor, encodeCursor } from "../keyset";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { queryRows } from "../rows/parse-rows";
import { ZRelationLaneRow, ZRelationPartyRow, ZRelationSubjectRow, ZRelationYearRow, type TRelationSubjectRow } from "../rows/relation-rows";
import { toCurrentStatus } from "../status-sql";
import type { TBoundedSkeletonJson, TSkeletonChange } from "../subject-sql";
import { MAX_TIMELINE_LANES, RELATION_LISTS, RELATION_PAGE_SIZE, relationLanesSql, relationSubjectsSql, relationYearsSql, type TRelationList } from "./relation-sql";
import { subjectHref } from "../../domain/subject-ref";
import type { TAsOf } from "../as-of-sql";

/** The two codes of a pair in the canonical (alphabetical) order used in addresses: JPN-KOR. */
export function canonicalPair(first: string, second: string): [string, string] {
  return first <= second ? [first, second] : [second, first];
}

export { MAX_TIMELINE_LANES, RELATION_LANE_WINDOW, RELATION_LISTS, RELATION_PAGE_SIZE, type TRelationList } from "./relation-sql";

const ZListCursor = z.tuple([z.number(), z.uuid()]);

type TRelationOptions = { now?: Date; limit?: number; cursors?: Partial<Record<TRelationList, string>>; asOf?: TAsOf };

/**
 * Everything between two parties, in one round trip for the subjects (then one for the lanes'
 * skeletons) and one for the yearly counts: a keyset page of each list (shared agreements,
 * measures either way; most recently changed first, on (status since, id)) with its total, the
 * skeletons of the most recently active subjects for the merged timeline, and escalations and
 * de-escalations by year (in each development's own time zone). The merged history is paged separately.
 */
export async function getRelation(actor: TActor, codes: readonly [string, string], options: Date | TRelationOptions = {}) {
  assertCan(actor, "published:read");
  const { limit = RELATION_PAGE_SIZE, cursors = {}, asOf, ...rest } = options instanceof Date ? { now: options } : options;
  // As of an instant (decision 029) statuses, lanes and counts are derived at that instant from what stood then.
  const now = asOf?.instant ?? rest.now ?? new Date();
  const [firstCode, secondCode] = canonicalPair(codes[0], codes[1]);
  const after = Object.fromEntries(RELATION_LISTS.map((list) => [list, cursors[list] ? decodeCursor(cursors[list], ZListCursor) : null])) as Record<TRelationList, readonly [number, string] | null>;
  const database = await readDatabase(actor);
  // The lanes' skeletons are read once the ranking has chosen the lanes; the parties and the
  // yearly counts meanwhile.
  const subjectsAndLanes = queryRows(database, ZRelationSubjectRow, relationSubjectsSql(firstCode, secondCode, now, { limit, after, asOf })).then(async (rows) => {
    const lanes = rows.filter((row) => Number(row.lane) <= MAX_TIMELINE_LANES);
    const skeletons = lanes.length ? await queryRows(database, ZRelationLaneRow, relationLanesSql(lanes, now, asOf)) : [];
    return { rows, skeletons: new Map(skeletons.map((lane) => [lane.id, lane.skeleton])) };
  });
  const [parties, { rows: subjects, skeletons }, years] = await Promise.all([
    queryRows(database, ZRelationPartyRow, Prisma.sql`SELECT code, name FROM "Party" WHERE code IN (${firstCode}, ${secondCode}) ORDER BY code`),
    subjectsAndLanes,
    queryRows(database, ZRelationYearRow, relationYearsSql(firstCode, secondCode, asOf)),
  ]);
  if (parties.length < 2) {
    const missing = [firstCode, secondCode].filter((code) => !parties.some((party) => party.code === code));
    throw new AppError("NOT_FOUND", `No party has the code ${missing.map((code) => `“${code}”`).join(" or ")}.`);
  }
  // A lane draws its bounded timeline, with markers from where it starts.
  const boundedTimelineOf = (skeleton: TSkeletonChange[], truncated: boolean) => {
    const { timeline, changes } = boundedTimeline(skeleton, truncated, now);
    return { timeline, skeleton: changes };
  };
  const toItem = (row: TRelationSubjectRow) => {
    const lane: TBoundedSkeletonJson | undefined = skeletons.get(row.id);
    const skeleton = lane ? lane.changes : null;
    return {
      kind: row.kind,
      slug: row.slug,
      name: row.name,
      title: row.title,
      href: subjectHref(row.kind, row.slug),
      agreementKind: row.agreementKind,
      measureType: row.measureType,
      imposingCode: row.imposingCode,
      current: toCurrentStatus(row),
      ...(skeleton ? { ...boundedTimelineOf(skeleton, lane!.truncated), skeletonTruncated: lane!.truncated } : { timeline: null, skeleton: null, skeletonTruncated: false }),
    };
  };
  const pageOf = (list: TRelationList) => {
    const rows = subjects.filter((row) => row.list === list && row.position !== null).sort((a, b) => Number(a.position) - Number(b.position));
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map(toItem),
      total: Number(subjects.find((row) => row.list === list)?.total ?? 0),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  };
  const lists = { agreements: pageOf("agreements"), first: pageOf("first"), second: pageOf("second") };
  return {
    parties: parties as [{ code: string; name: string }, { code: string; name: string }],
    pair: `${firstCode}-${secondCode}`,
    /** Each list's page: its items, how many there are in all, and the cursor of the next page. */
    lists,
    agreements: lists.agreements.items,
    /** The pages of measures either way (the first party's, then the second's). */
    measures: [...lists.first.items, ...lists.second.items],
    /** Subjects with a lane on the merged timeline, most recently active first. */
    lanes: subjects.filter((row) => skeletons.has(row.id)).sort((a, b) => Number(a.lane) - Number(b.lane)).map(toItem),
    years,
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  };
}
