import { z } from "zod";
import { text } from "./text";
import { Role } from "../generated/prisma/enums";
import { ZApiInstant, ZApiList, ZApiRecord } from "./api-list";
import { ZRole } from "./auth";
import { pageLimit, ZCursor } from "./reader-queries";

// The admin's account management over the API (issue 11): the list page's filters read strictly,
// and the bodies the routes answer. Password hashes never appear; a generated password once.

/** GET /api/v1/users: the user list page's filters, a keyset cursor and a page size capped at 100. */
export const ZUserListQuery = z.object({
  q: z.preprocess((value) => value ?? "", text().trim().max(200, "Search with at most 200 characters.")),
  role: z.preprocess((value) => (value === "" || value === undefined ? "any" : value), z.enum(["any", ...Object.values(Role)], "One of: any, READER, ANALYST, ADMIN.")),
  status: z.preprocess((value) => (value === "" || value === undefined ? "any" : value), z.enum(["any", "active", "disabled"], "One of: any, active, disabled.")),
  cursor: ZCursor,
  limit: pageLimit(50),
});

export const ZUserRow = z.object({
  id: z.uuid(),
  email: text(),
  name: text(),
  role: z.enum(Role),
  disabledAt: ZApiInstant.nullable(),
  lastSignInAt: ZApiInstant.nullable(),
  createdAt: ZApiInstant,
  version: z.number().int(),
  links: z.object({ self: text(), page: text() }),
});
export const ZUserListResponse = ZApiList(ZUserRow).extend({ total: z.number().int() });

export const ZUserDetailResponse = ZApiRecord(
  ZUserRow.omit({ links: true }).extend({
    sessionsValidAfter: ZApiInstant.nullable(),
    activeTokenCount: z.number().int(),
    isLastActiveAdmin: z.boolean(),
    isSelf: z.boolean(),
    links: z.object({ page: text() }),
  }),
);

/** What a create or a password reset answers: the generated password is shown this once (null when one was given). */
export const ZUserCreated = z.object({ id: z.uuid(), email: text(), name: text(), role: z.enum(Role), createdAt: ZApiInstant, temporaryPassword: text().nullable() });
export const ZUserPasswordReset = z.object({ id: z.uuid(), email: text(), name: text(), temporaryPassword: text().nullable() });

/** An account's state after an edit, a role change, disabling or enabling. */
export const ZUserState = z.object({
  id: z.uuid(),
  email: text(),
  role: z.enum(Role),
  disabledAt: ZApiInstant.nullable(),
  name: text().optional(),
  version: z.number().int().optional(),
});

/** PUT /api/v1/users/{id}/role. */
export const ZUserRoleBody = z.object({ role: ZRole }).meta({ examples: [{ role: "ANALYST" }] });
