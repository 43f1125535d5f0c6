import "server-only";
import type { TCitationInput } from "../../schemas/citation";
import { AppError, type TFieldErrors } from "../errors";
import type { TSignedInActor } from "../permissions";
import {
  SOURCE_SUMMARY_SELECT,
  canonicalSourceUrl,
  findOrCreateSourceLocked,
  followMerges,
  lockSourceUrls,
} from "../sources/find-or-create-source-by-url";
import { queryRows } from "../rows/parse-rows";
import { ZLockedSourceRow, type TLockedSourceRow } from "../rows/source-rows";
import { Prisma } from "../../generated/prisma/client";
import type { TTransaction } from "../write-transaction";

/** A citation ready to be written: its source found or created (and what a snapshot shows of it). */
export type TResolvedCitation = {
  sourceId: string;
  source: { url: string; title: string; publisher: string };
  quote: string | null;
  quoteOriginal: string | null;
  quoteLanguage: string | null;
  locator: string | null;
  credibility: number;
  position: number;
};

/**
 * Finds or creates the source of every citation inside the caller's transaction. A pasted link
 * wins over a picked source; links are canonicalised, so a copy with tracking parameters, another
 * host case or a fragment finds the registered source, and merged duplicates lead to the source
 * they were merged into. Then every cited source is share-locked, in id order, as the source
 * registry's writers expect (lib/server/sources/source-record.ts): a merge or a retirement running
 * at the same moment waits for this citation rather than missing it. Sources the entry already
 * cites stay citable after retirement; new citations of retired sources are refused. All problems
 * are reported together, each beside its row.
 */
export async function resolveCitations(
  tx: TTransaction,
  actor: TSignedInActor,
  citations: TCitationInput[],
  { alreadyCitedSourceIds = new Set<string>() }: { alreadyCitedSourceIds?: ReadonlySet<string> } = {},
): Promise<TResolvedCitation[]> {
  await lockSourceUrls(
    tx,
    citations.filter((citation) => citation.url !== "").map((citation) => canonicalSourceUrl(citation.url, `citations.${citation.formIndex}.url`)),
  );
  const fieldErrors: TFieldErrors = {};
  const found: { citation: TCitationInput; sourceId: string }[] = [];
  const pickedIds = [...new Set(citations.filter((citation) => citation.url === "" && citation.sourceId).map((citation) => citation.sourceId!))];
  // Only picked sources, all of them there and none merged (the desk's usual publish): read and
  // share-locked in one statement. Otherwise read first (one statement for all), merges followed
  // and links found, and then every source locked together, so the id order holds.
  const quick = citations.every((citation) => citation.url === "") ? await shareLockIfUnmerged(tx, pickedIds) : null;
  const picked = new Map(
    !quick && pickedIds.length ? (await tx.source.findMany({ where: { id: { in: pickedIds } }, select: SOURCE_SUMMARY_SELECT })).map((source) => [source.id, source]) : [],
  );
  for (const citation of citations) {
    const prefix = `citations.${citation.formIndex}.`;
    try {
      if (citation.url !== "") {
        found.push({ citation, sourceId: (await findOrCreateSourceLocked(tx, actor, citation, prefix)).source.id });
      } else if (citation.sourceId && quick) {
        found.push({ citation, sourceId: citation.sourceId });
      } else if (citation.sourceId) {
        const source = picked.get(citation.sourceId);
        if (source) found.push({ citation, sourceId: source.mergedIntoId ? (await followMerges(tx, source)).id : source.id });
        else fieldErrors[`${prefix}url`] = ["That source is no longer in the registry: paste its link instead"];
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
      Object.assign(fieldErrors, error.fieldErrors);
    }
  }

  const problems = new Map<string, string>();
  const locked = quick ?? (await shareLockSources(tx, [...new Set(found.map((entry) => entry.sourceId))]));
  for (const sourceId of [...new Set(found.map((entry) => entry.sourceId))]) {
    const source = locked.get(sourceId);
    if (!source) throw new AppError("NOT_FOUND", "There is no such source: it may have been removed, or the link is wrong.");
    if (source.mergedIntoId) problems.set(sourceId, "This source was merged into another a moment ago: paste its link again");
    else if (source.retiredAt && !alreadyCitedSourceIds.has(sourceId)) {
      problems.set(sourceId, `This source was retired by an administrator${source.retiredReason ? ` (${source.retiredReason})` : ""}: cite another source`);
    }
  }
  const resolved: TResolvedCitation[] = [];
  for (const { citation, sourceId } of found) {
    const problem = problems.get(sourceId);
    if (problem) {
      fieldErrors[`citations.${citation.formIndex}.url`] = [problem];
      continue;
    }
    const source = locked.get(sourceId)!;
    resolved.push({
      sourceId,
      source: { url: source.url, title: source.title, publisher: source.publisher },
      quote: citation.quote,
      quoteOriginal: citation.quoteOriginal,
      quoteLanguage: citation.quoteLanguage,
      locator: citation.locator,
      credibility: citation.credibility,
      position: resolved.length,
    });
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "Some citations need attention: see the messages beside them.", fieldErrors);
  }
  return resolved;
}

/**
 * The picked sources share-locked and read as shareLockSources does, when every one of them is in
 * the registry and none was merged as this statement's snapshot saw them; otherwise null (the
 * caller reads, follows merges and locks). A merge that commits while this waits for a row's lock
 * shows in the row it returns (the lock reads the newest version), and the caller refuses it.
 */
async function shareLockIfUnmerged(tx: TTransaction, ids: string[]): Promise<Map<string, TLockedSourceRow> | null> {
  if (ids.length === 0) return null;
  const locked = await shareLockSources(tx, ids, { unlessAnyMerged: true });
  // A source missing, or one merged: not all were returned. Rows already locked stay locked, in
  // id order, and shareLockSources locks them again harmlessly.
  return locked.size === ids.length ? locked : null;
}

/**
 * Share-locks the sources in id order, in one statement (the rows are locked as the sort emits
 * them, so two writers never lock two sources crosswise), and reads what citing them needs.
 * A merge or a retirement (FOR UPDATE) waits for this transaction, and this one for theirs.
 */
async function shareLockSources(tx: TTransaction, ids: string[], { unlessAnyMerged = false } = {}): Promise<Map<string, TLockedSourceRow>> {
  if (ids.length === 0) return new Map();
  const noneMerged = unlessAnyMerged
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM "Source" merged WHERE merged.id = ANY(${ids}::uuid[]) AND merged."mergedIntoId" IS NOT NULL)`
    : Prisma.empty;
  const rows = await queryRows(
    tx,
    ZLockedSourceRow,
    Prisma.sql`SELECT id, url, title, publisher, "mergedIntoId", "retiredAt", "retiredReason" FROM "Source"
      WHERE id = ANY(${ids}::uuid[]) ${noneMerged} ORDER BY id FOR SHARE`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}
