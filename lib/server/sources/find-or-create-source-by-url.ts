import "server-only";
import { canonicalizeUrl } from "../../domain/canonical-url";
import type { TSourceFromUrl } from "../../schemas/source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor, type TSignedInActor } from "../permissions";
import { lockForTransaction, runWriteTransaction, type TTransaction } from "../write-transaction";

export const SOURCE_SUMMARY_SELECT = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  kind: true,
  reliability: true,
  publishedAt: true,
  retiredAt: true,
  retiredReason: true,
  mergedIntoId: true,
} as const;

export type TSourceSummary = {
  id: string;
  url: string;
  title: string;
  publisher: string;
  kind: string;
  reliability: string;
  publishedAt: Date | null;
  retiredAt: Date | null;
  retiredReason: string | null;
  mergedIntoId: string | null;
};

/** What a new source needs besides its link; `fieldPrefix` places errors on the form ("citations.0."). */
export type TNewSourceInput = Pick<TSourceFromUrl, "url" | "title" | "publisher" | "kind" | "publishedOn"> & { authors?: string[] };

const MAX_MERGE_HOPS = 10;

/** Follows "merged into" from a source to the one that replaced it (merged duplicates are redirects). */
export async function followMerges(tx: TTransaction, source: TSourceSummary): Promise<TSourceSummary> {
  let current = source;
  for (let hop = 0; current.mergedIntoId && hop < MAX_MERGE_HOPS; hop += 1) {
    const next = await tx.source.findUnique({ where: { id: current.mergedIntoId }, select: SOURCE_SUMMARY_SELECT });
    if (!next) break;
    current = next;
  }
  return current;
}

/** The canonical form of a link already checked by the schema. */
export function canonicalSourceUrl(url: string, field = "url"): string {
  const canonical = canonicalizeUrl(url);
  if (!canonical.ok) throw new AppError("INVALID_INPUT", "Some fields need attention.", { [field]: [canonical.reason] });
  return canonical.url;
}

/**
 * Inside the caller's transaction: the registry's source for a link (canonicalised, merges
 * followed), or a new source made from it. The caller must already hold the link's lock
 * (lockSourceUrls) so that two writers citing one new link create it once.
 */
export async function findOrCreateSourceLocked(
  tx: TTransaction,
  actor: TSignedInActor,
  input: TNewSourceInput,
  fieldPrefix = "",
): Promise<{ source: TSourceSummary; isNew: boolean }> {
  const url = canonicalSourceUrl(input.url, `${fieldPrefix}url`);
  const existing = await tx.source.findUnique({ where: { url }, select: SOURCE_SUMMARY_SELECT });
  if (existing) return { source: await followMerges(tx, existing), isNew: false };

  const missing: Record<string, string[]> = {};
  if (!input.title) missing[`${fieldPrefix}title`] = ["This link is not in the registry yet: give the source's title"];
  if (!input.publisher) missing[`${fieldPrefix}publisher`] = ["This link is not in the registry yet: give its publisher"];
  if (Object.keys(missing).length > 0) {
    throw new AppError("INVALID_INPUT", "A new source needs a title and a publisher: see the messages beside them.", missing);
  }
  const created = await tx.source.create({
    data: {
      url,
      title: input.title,
      publisher: input.publisher,
      kind: input.kind,
      publishedAt: input.publishedOn,
      authors: input.authors ?? [],
      accessedAt: new Date(),
      createdById: actor.id,
    },
    select: { ...SOURCE_SUMMARY_SELECT, authors: true, createdAt: true },
  });
  await recordAuditEvent(tx, actor, { action: "source:create", entityType: "Source", entityId: created.id, after: created });
  return { source: created, isNew: true };
}

/** Takes the creation locks of several links in one order, so concurrent writers never deadlock. */
export async function lockSourceUrls(tx: TTransaction, canonicalUrls: Iterable<string>): Promise<void> {
  for (const url of [...new Set(canonicalUrls)].sort()) await lockForTransaction(tx, "source-url", url);
}

/** Registers a source from its link, or returns the source already registered under the same canonical link. */
export async function findOrCreateSourceByUrl(actor: TActor, input: TSourceFromUrl) {
  assertSignedInCan(actor, "source:create");
  return runWriteTransaction(async (tx) => {
    await lockSourceUrls(tx, [canonicalSourceUrl(input.url)]);
    return findOrCreateSourceLocked(tx, actor, input);
  });
}
