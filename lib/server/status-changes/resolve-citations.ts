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
  type TSourceSummary,
} from "../sources/find-or-create-source-by-url";
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
 * host case or a fragment finds the registered source. Sources already cited by the entry stay
 * citable after retirement; new citations of retired sources are refused. All problems are
 * reported together, each beside its row.
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
  const resolved: TResolvedCitation[] = [];
  for (const [position, citation] of citations.entries()) {
    const prefix = `citations.${citation.formIndex}.`;
    let source: TSourceSummary | null = null;
    try {
      if (citation.url !== "") {
        source = (await findOrCreateSourceLocked(tx, actor, citation, prefix)).source;
      } else if (citation.sourceId) {
        const picked = await tx.source.findUnique({ where: { id: citation.sourceId }, select: SOURCE_SUMMARY_SELECT });
        if (picked) source = await followMerges(tx, picked);
        else fieldErrors[`${prefix}url`] = ["That source is no longer in the registry: paste its link instead"];
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
      Object.assign(fieldErrors, error.fieldErrors);
    }
    if (!source) continue;
    if (source.retiredAt && !alreadyCitedSourceIds.has(source.id)) {
      fieldErrors[`${prefix}url`] = [
        `This source was retired by an administrator${source.retiredReason ? ` (${source.retiredReason})` : ""}: cite another source`,
      ];
      continue;
    }
    resolved.push({
      sourceId: source.id,
      quote: citation.quote,
      quoteOriginal: citation.quoteOriginal,
      quoteLanguage: citation.quoteLanguage,
      locator: citation.locator,
      credibility: citation.credibility,
      position,
    });
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID_INPUT", "Some citations need attention: see the messages beside them.", fieldErrors);
  }
  return resolved;
}
