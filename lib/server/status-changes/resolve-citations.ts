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
import { lockSource } from "../sources/source-record";
import type { TTransaction } from "../write-transaction";

/** A citation ready to be written: its source found or created. */
export type TResolvedCitation = {
  sourceId: string;
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
  for (const citation of citations) {
    const prefix = `citations.${citation.formIndex}.`;
    try {
      if (citation.url !== "") {
        found.push({ citation, sourceId: (await findOrCreateSourceLocked(tx, actor, citation, prefix)).source.id });
      } else if (citation.sourceId) {
        const picked = await tx.source.findUnique({ where: { id: citation.sourceId }, select: SOURCE_SUMMARY_SELECT });
        if (picked) found.push({ citation, sourceId: (await followMerges(tx, picked)).id });
        else fieldErrors[`${prefix}url`] = ["That source is no longer in the registry: paste its link instead"];
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
      Object.assign(fieldErrors, error.fieldErrors);
    }
  }

  const problems = new Map<string, string>();
  for (const sourceId of [...new Set(found.map((entry) => entry.sourceId))].sort()) {
    const source = await lockSource(tx, sourceId, "share");
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
    resolved.push({
      sourceId,
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
