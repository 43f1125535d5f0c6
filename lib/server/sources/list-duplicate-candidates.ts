import "server-only";
import {
  DuplicateFinder,
  chooseMergeTarget,
  currentCanonicalUrl,
  isGraded,
  titlePublisherKey,
  type TDuplicateReason,
} from "../../domain/source-duplicates";
import { DUPLICATE_CARD_FIELDS } from "../../schemas/admin-source-api";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZDuplicateProbeRow, ZRegistryFingerprintRow } from "../rows/source-rows";

const SCAN_BATCH = 5000;

// The card the API documents (lib/schemas/admin-source-api.ts) is exactly what is selected.
const CARD_SELECT = DUPLICATE_CARD_FIELDS;

type TCardRow = { id: string; url: string; title: string; publisher: string; archiveUrl: string | null };

/** The tests two particular sources pass (the group may also be tied through a third). */
function reasonsBetween(left: TCardRow, right: TCardRow): TDuplicateReason[] {
  const reasons: TDuplicateReason[] = [];
  if (currentCanonicalUrl(left.url) === currentCanonicalUrl(right.url)) reasons.push("canonical-url");
  const leftKey = titlePublisherKey(left.title, left.publisher);
  if (leftKey && leftKey === titlePublisherKey(right.title, right.publisher)) reasons.push("title-publisher");
  if (left.archiveUrl && right.archiveUrl && currentCanonicalUrl(left.archiveUrl) === currentCanonicalUrl(right.archiveUrl)) reasons.push("archive-url");
  return reasons;
}

type TGroups = ReturnType<DuplicateFinder["groups"]>;

// The last scan's groups, with the fingerprint of the registry it read. Scanning a registry of
// 50 000 sources takes seconds; the fingerprint (one pass in PostgreSQL that brings no row into
// JavaScript) takes milliseconds, so an unchanged registry is never scanned twice by a process.
let lastScan: { fingerprint: string; groups: TGroups } | null = null;

/**
 * What the groups depend on: every live source's id and compared fields. A sum of row hashes
 * changes whenever a source is added, merged, unmerged or has a compared field edited, by any
 * process or by hand; canonicalisation rules change only with a new build, hence a new process.
 */
async function registryFingerprint(): Promise<string> {
  const raw = await getDatabase().$queryRaw`
    SELECT count(*)::text || ':' || COALESCE(sum(hashtext(concat_ws(chr(1), id::text, url, title, publisher, "archiveUrl"))::bigint), 0)::text AS fingerprint
      FROM "Source" WHERE "mergedIntoId" IS NULL`;
  return parseRows(ZRegistryFingerprintRow, raw)[0]?.fingerprint ?? "";
}

async function scanForGroups(): Promise<TGroups> {
  const database = getDatabase();
  // Streamed in id order so memory holds the finder's keys, never the whole registry's rows.
  // Plain SQL: reading every source through the query builder took several times as long.
  const finder = new DuplicateFinder();
  let afterId = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const raw = await database.$queryRaw`
      SELECT id::text AS id, url, title, publisher, "archiveUrl"
        FROM "Source"
       WHERE "mergedIntoId" IS NULL AND id > ${afterId}::uuid
       ORDER BY id
       LIMIT ${SCAN_BATCH}`;
    const batch = parseRows(ZDuplicateProbeRow, raw);
    for (const source of batch) finder.add(source);
    if (batch.length < SCAN_BATCH) break;
    afterId = batch[batch.length - 1]!.id;
  }
  return finder.groups();
}

/** The duplicate groups of the registry as it stands: the last scan's when nothing changed since. */
async function currentGroups(): Promise<TGroups> {
  const fingerprint = await registryFingerprint();
  if (lastScan?.fingerprint === fingerprint) return lastScan.groups;
  const groups = await scanForGroups();
  // Kept only if nothing changed during the scan, so a stale result is never remembered.
  if ((await registryFingerprint()) === fingerprint) lastScan = { fingerprint, groups };
  return groups;
}

/**
 * Proposals of sources that are likely one article: the same link under the current
 * canonicalisation rules (a link stored before a rule change), the same title and publisher, or
 * the same archived copy. Merged duplicates are left out; retired sources are included (their
 * citations can still be gathered onto the live copy). Each proposal suggests which source to keep.
 */
export async function listDuplicateCandidates(actor: TActor, { limit = 100 }: { limit?: number } = {}) {
  assertSignedInCan(actor, "source:merge");
  const database = getDatabase();
  const groups = await currentGroups();
  const shown = groups.slice(0, limit);
  const ids = shown.flatMap((group) => group.sourceIds);
  // Citations are counted from the pairs below: the query builder's relation count aggregates the
  // whole Citation table (a second and more on a million citations) before picking these rows.
  const [rows, citations] = await Promise.all([
    database.source.findMany({ where: { id: { in: ids } }, select: CARD_SELECT }),
    database.citation.findMany({ where: { sourceId: { in: ids } }, select: { statusChangeId: true, sourceId: true } }),
  ]);
  const entriesBySource = new Map<string, Set<string>>();
  const citationCountBySource = new Map<string, number>();
  for (const citation of citations) {
    entriesBySource.set(citation.sourceId, (entriesBySource.get(citation.sourceId) ?? new Set()).add(citation.statusChangeId));
    citationCountBySource.set(citation.sourceId, (citationCountBySource.get(citation.sourceId) ?? 0) + 1);
  }
  const cardById = new Map(rows.map((row) => [row.id, { ...row, citationCount: citationCountBySource.get(row.id) ?? 0, isGraded: isGraded(row) }]));

  const proposals = shown.flatMap((group) => {
    const cards = group.sourceIds.map((id) => cardById.get(id)).filter((card) => card !== undefined);
    if (cards.length < 2) return [];
    const target = chooseMergeTarget(cards);
    const targetEntries = entriesBySource.get(target.id) ?? new Set<string>();
    return [
      {
        key: group.sourceIds.join(","),
        reasons: group.reasons,
        target,
        duplicates: cards
          .filter((card) => card.id !== target.id)
          .map((card) => ({
            ...card,
            reasons: reasonsBetween(card, target),
            /** Entries citing both: after the merge they cite the kept source twice. */
            sharedEntryCount: [...(entriesBySource.get(card.id) ?? [])].filter((entry) => targetEntries.has(entry)).length,
          })),
      },
    ];
  });
  return { proposals, total: groups.length };
}

export type TDuplicateProposal = Awaited<ReturnType<typeof listDuplicateCandidates>>["proposals"][number];
export type TDuplicateCard = TDuplicateProposal["target"];
