import "server-only";
import type { TUpdateSource } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { lockForTransaction, runWriteTransaction } from "../write-transaction";
import { canonicalSourceUrl } from "./find-or-create-source-by-url";
import { SOURCE_RECORD_SELECT, assertNotMerged, lockSource, sourceConflict, sourceSnapshot } from "./source-record";

/**
 * Saves an admin's edit of every descriptive field of a source (link, title, publisher, authors,
 * dates, kind, language, archived copy). Refused with CONFLICT when the source changed since the
 * form was opened, or when the new link is another source's: those two are merged, not renamed.
 */
export async function updateSource(actor: TActor, input: TUpdateSource) {
  assertSignedInCan(actor, "source:edit");
  const url = canonicalSourceUrl(input.url);
  const archiveUrl = input.archiveUrl === null ? null : canonicalSourceUrl(input.archiveUrl, "archiveUrl");
  return runWriteTransaction(async (tx) => {
    // The same lock as creating a source from a link, so an analyst cannot register this link meanwhile.
    await lockForTransaction(tx, "source-url", url);
    const before = await lockSource(tx, input.id);
    assertNotMerged(before);
    if (before.version !== input.version) throw await sourceConflict(tx, before);
    if (url !== before.url) {
      const holder = await tx.source.findUnique({ where: { url }, select: { id: true, title: true } });
      if (holder) {
        throw new AppError(
          "CONFLICT",
          `Another source already has this link (“${holder.title}”): if they are the same, merge them instead.`,
          { url: ["Another source already has this link: merge the two instead"] },
          { otherSourceId: holder.id },
        );
      }
    }
    const after = await tx.source.update({
      where: { id: before.id },
      data: {
        url,
        title: input.title,
        publisher: input.publisher,
        authors: input.authors,
        publishedAt: input.publishedOn,
        accessedAt: input.accessedOn,
        kind: input.kind,
        language: input.language,
        archiveUrl,
        version: { increment: 1 },
      },
      select: SOURCE_RECORD_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "source:edit",
      entityType: "Source",
      entityId: after.id,
      before: sourceSnapshot(before),
      after: sourceSnapshot(after),
    });
    return { id: after.id, version: after.version };
  });
}
