import { randomUUID } from "node:crypto";
import { mergeSources } from "../../lib/server/sources/merge-sources";
import { makeSource } from "../support/registry-factories";
import { createTestUser } from "../support/users";
import type { TActionEntry, TRouteEntry } from "./matrix";

// The admin's desk's server actions (issue 6), for ACTION_MATRIX in ./matrix.ts. Each input makes
// fresh rows, so every role's attempt has something to act on.

const sourceFields = (id: string) => ({
  id,
  version: "1",
  url: `https://matrix.example.org/${randomUUID()}`,
  title: "Matrix source",
  publisher: "Matrix Press",
  kind: "NEWS",
  language: "en",
});

export const ADMIN_ACTION_MATRIX: Record<string, TActionEntry> = {
  // Switched off (as it starts), so the other rows run with review off.
  "(desk)/admin/settings/actions.ts#setReviewRequiredAction": {
    input: async ({ db }) => ({ isReviewRequired: "", version: String((await db.deskSetting.findUnique({ where: { id: 1 } }))?.version ?? 0) }),
  },
  "(desk)/admin/sources/actions.ts#addSource": {
    input: async () => ({ url: `https://matrix.example.org/${randomUUID()}?utm_source=x`, title: "Added in the matrix", publisher: "Matrix Press" }),
  },
  "(desk)/admin/sources/actions.ts#editSource": {
    input: async ({ db }) => sourceFields((await makeSource(db)).id),
  },
  "(desk)/admin/sources/actions.ts#gradeSourceReliability": {
    input: async ({ db }) => ({ id: (await makeSource(db)).id, version: "1", reliability: "B", reliabilityNote: "Usually reliable" }),
  },
  "(desk)/admin/sources/actions.ts#setSyndication": {
    input: async ({ db }) => ({ id: (await makeSource(db)).id, version: "1", publisherGroup: "Matrix Wire Group", syndicatedFromId: (await makeSource(db)).id }),
  },
  "(desk)/admin/sources/actions.ts#retireSourceWithReason": {
    input: async ({ db }) => ({ id: (await makeSource(db)).id, version: "1", reason: "Withdrawn" }),
  },
  "(desk)/admin/sources/actions.ts#restoreRetiredSource": {
    input: async ({ db }) => ({ id: (await makeSource(db, { retiredAt: new Date(), retiredReason: "Withdrawn" })).id, version: "1" }),
  },
  "(desk)/admin/sources/actions.ts#mergeDuplicateSource": {
    input: async ({ db }) => ({ sourceId: (await makeSource(db)).id, targetId: (await makeSource(db)).id, sourceVersion: "1", targetVersion: "1" }),
  },
  "(desk)/admin/sources/actions.ts#undoMerge": {
    input: async ({ db }) => {
      const [duplicate, target] = [await makeSource(db), await makeSource(db)];
      await mergeSources(await createTestUser(db, "ADMIN"), { sourceId: duplicate.id, targetId: target.id, sourceVersion: 1, targetVersion: 1 });
      return { sourceId: duplicate.id };
    },
  },
  "(desk)/admin/users/actions.ts#createAccount": {
    input: async () => ({ email: `matrix-${randomUUID()}@example.org`, name: "Matrix Person", role: "READER", password: "" }),
  },
  "(desk)/admin/users/actions.ts#editAccount": {
    input: async ({ db }) => ({ userId: (await createTestUser(db, "READER")).id, version: "1", name: "Renamed", email: `matrix-${randomUUID()}@example.org` }),
  },
  "(desk)/admin/users/actions.ts#changeRole": {
    input: async ({ db }) => ({ email: (await createTestUser(db, "READER")).email, role: "ANALYST" }),
  },
  "(desk)/admin/users/actions.ts#disableAccount": {
    input: async ({ db }) => ({ userId: (await createTestUser(db, "READER")).id }),
  },
  "(desk)/admin/users/actions.ts#enableAccount": {
    input: async ({ db }) => ({ userId: (await createTestUser(db, "READER", { disabled: true })).id }),
  },
  "(desk)/admin/users/actions.ts#resetPassword": {
    input: async ({ db }) => ({ userId: (await createTestUser(db, "READER")).id, password: "" }),
  },
};

/** The same desk actions over the API (issue 11), for ROUTE_MATRIX: a body and path that succeed for an allowed caller. */
export const ADMIN_ROUTE_MATRIX: Record<string, TRouteEntry> = {
  "PATCH api/v1/sources/[id]/route.ts": {
    request: async ({ db }) => ({ params: { id: (await makeSource(db)).id }, body: { version: 1, title: "Edited through the API" } }),
  },
  "POST api/v1/sources/[id]/grade/route.ts": {
    request: async ({ db }) => ({ params: { id: (await makeSource(db)).id }, body: { version: 1, reliability: "B", reliabilityNote: "Usually reliable" } }),
  },
  "POST api/v1/sources/[id]/retire/route.ts": {
    request: async ({ db }) => ({ params: { id: (await makeSource(db)).id }, body: { version: 1, reason: "Withdrawn" } }),
  },
  "POST api/v1/sources/[id]/restore/route.ts": {
    request: async ({ db }) => ({ params: { id: (await makeSource(db, { retiredAt: new Date(), retiredReason: "Withdrawn" })).id }, body: { version: 1 } }),
  },
  "POST api/v1/sources/[id]/merge/route.ts": {
    request: async ({ db }) => ({ params: { id: (await makeSource(db)).id }, body: { targetId: (await makeSource(db)).id, sourceVersion: 1, targetVersion: 1 } }),
  },
  "POST api/v1/sources/[id]/undo-merge/route.ts": {
    request: async ({ db }) => {
      const [duplicate, target] = [await makeSource(db), await makeSource(db)];
      await mergeSources(await createTestUser(db, "ADMIN"), { sourceId: duplicate.id, targetId: target.id, sourceVersion: 1, targetVersion: 1 });
      return { params: { id: duplicate.id } };
    },
  },
  "POST api/v1/users/route.ts": {
    request: async () => ({ body: { email: `matrix-${randomUUID()}@example.org`, name: "Matrix Person", role: "READER" } }),
  },
  "PATCH api/v1/users/[id]/route.ts": {
    request: async ({ db }) => ({ params: { id: (await createTestUser(db, "READER")).id }, body: { version: 1, name: "Renamed" } }),
  },
  "PUT api/v1/users/[id]/role/route.ts": {
    request: async ({ db }) => ({ params: { id: (await createTestUser(db, "READER")).id }, body: { role: "ANALYST" } }),
  },
  "POST api/v1/users/[id]/disable/route.ts": {
    request: async ({ db }) => ({ params: { id: (await createTestUser(db, "READER")).id } }),
  },
  "POST api/v1/users/[id]/enable/route.ts": {
    request: async ({ db }) => ({ params: { id: (await createTestUser(db, "READER", { disabled: true })).id } }),
  },
  "POST api/v1/users/[id]/reset-password/route.ts": {
    request: async ({ db }) => ({ params: { id: (await createTestUser(db, "READER")).id }, body: {} }),
  },
  "POST api/v1/api-tokens/route.ts": {
    request: async () => ({ body: { name: "matrix token" } }),
  },
  "DELETE api/v1/api-tokens/[id]/route.ts": {
    request: async ({ db, actor }) => {
      const token = await db.apiToken.create({ data: { userId: actor.id, name: "to revoke", tokenHash: `matrix-${randomUUID()}`, prefix: "pw_matrix" } });
      return { params: { id: token.id } };
    },
  },
};
