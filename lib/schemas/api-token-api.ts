import { z } from "zod";
import { text } from "./text";
import { ZApiInstant } from "./api-list";

// The caller's own API tokens over the API (issue 11). Secrets are answered once, at creation.

export const ZApiTokenRow = z.object({
  id: z.uuid(),
  name: text(),
  /** The secret's first characters, to tell tokens apart. */
  prefix: text(),
  createdAt: ZApiInstant,
  lastUsedAt: ZApiInstant.nullable(),
  revokedAt: ZApiInstant.nullable(),
});
export const ZApiTokenListResponse = z.object({ data: z.array(ZApiTokenRow) });

export const ZApiTokenCreated = z.object({
  id: z.uuid(),
  name: text(),
  prefix: text(),
  createdAt: ZApiInstant,
  /** Send as "Authorization: Bearer <secret>"; shown this once, stored only as a hash. */
  secret: text(),
});
export const ZApiTokenRevoked = z.object({ id: z.uuid(), revokedAt: ZApiInstant.nullable() });
