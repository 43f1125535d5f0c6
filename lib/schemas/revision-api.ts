import { z } from "zod";
import { text } from "./text";
import { ZApiInstant } from "./api-list";

// The saved versions of an entry over the API (issue 11), as the desk's revisions page lists them.

export const ZRevision = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  savedAt: ZApiInstant,
  savedBy: text(),
  /** The entry as it stood after this save. */
  snapshot: z.record(text(), z.unknown()),
  /** What changed from the version before (every field for the first). */
  changes: z.array(z.object({ field: text(), before: z.unknown(), after: z.unknown() })),
});
export const ZRevisionListResponse = z.object({ data: z.array(ZRevision) });
