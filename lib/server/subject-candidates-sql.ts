import "server-only";
import { Prisma } from "../generated/prisma/client";
import { historyOrderSql } from "./history-sql";
import type { TSubjectColumn } from "./status-sql";

// Which subjects a text search finds through their published developments, from a bounded set
// of candidate developments (decision 025). Neither index suits every word: the GIN index reads
// a common word's whole posting list before it returns a row (100,000 entries for "tariffs" at a
// million changes, 10–16 ms however small the LIMIT), and walking the newest developments finds
// a common word at once but a rare one never. So the statement walks the newest
// DEVELOPMENT_WALK published developments first: when COMMON_IN_WALK of them match, the word is
// common and those matches are the candidates; otherwise it is rarer than one development in 50
// and the GIN index, whose posting list is then short, gives up to DEVELOPMENT_CANDIDATES.

/** How many of the newest published developments are read before the GIN index is asked. */
export const DEVELOPMENT_WALK = 500;

/** Matches among the walked developments that make a word common (1 in 50). */
export const COMMON_IN_WALK = 10;

/** At most this many matching developments are read from the GIN index for a rarer word. */
export const DEVELOPMENT_CANDIDATES = 500;

/**
 * CTEs (each followed by a comma) ending in `candidates(id)`, the subjects in `column` named by
 * the candidate developments matching `query`, and `cut(yes)`, true when matching developments
 * may have been left out (then the list's total is a lower bound). A CTE runs only when read, and
 * the one-time filters run only the branch the walk chose, so a common word never reads the GIN
 * index and a rare one reads only its few entries.
 */
export function subjectCandidatesSql(column: TSubjectColumn, query: Prisma.Sql): Prisma.Sql {
  const subject = Prisma.raw(`"${column}"`);
  return Prisma.sql`walk AS MATERIALIZED (
      -- Read in history order and never sorted again: the walk stops after DEVELOPMENT_WALK rows.
      SELECT sc.${subject} AS id, sc.search @@ ${query} AS hit
      FROM (SELECT sc.${subject}, sc.search FROM "StatusChange" sc WHERE sc.state = 'PUBLISHED' ORDER BY ${historyOrderSql("effective")} LIMIT ${DEVELOPMENT_WALK}) sc
    ), walked AS (
      SELECT count(*) FILTER (WHERE hit) >= ${COMMON_IN_WALK} AS common, count(*) < ${DEVELOPMENT_WALK} AS whole FROM walk
    ), indexed AS MATERIALIZED (
      -- Without ORDER BY or LIMIT the planner reads the GIN index; read only as far as the LIMIT below.
      SELECT sc.${subject} AS id FROM "StatusChange" sc WHERE sc.search @@ ${query} AND sc.state = 'PUBLISHED' AND sc.${subject} IS NOT NULL
    ), candidates AS MATERIALIZED (
      (SELECT walk.id FROM walk WHERE (SELECT common FROM walked) AND walk.hit AND walk.id IS NOT NULL)
      UNION ALL
      (SELECT indexed.id FROM indexed WHERE NOT (SELECT common FROM walked) LIMIT ${DEVELOPMENT_CANDIDATES + 1})
    ), cut AS (
      SELECT CASE WHEN common THEN NOT whole ELSE (SELECT count(*) FROM candidates) > ${DEVELOPMENT_CANDIDATES} END AS yes FROM walked
    ),`;
}
