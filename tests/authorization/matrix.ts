import type { TDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { ADMIN_ACTION_MATRIX, ADMIN_ROUTE_MATRIX } from "./admin-matrix";
import { DESK_ACTION_MATRIX, DESK_ROUTE_MATRIX } from "./desk-matrix";
import { SUBSCRIPTION_ACTION_MATRIX, SUBSCRIPTION_ROUTE_MATRIX } from "./subscription-matrix";

// The authorisation matrix's inputs: for every server action and every mutating route handler,
// fields that succeed for a caller the SPEC lets through. The permission each one needs is read
// from its own declaration (defineAction / apiRoute), and the roles that hold it from the pinned
// copy of SPEC §2 (./spec-roles.ts). authorization-matrix.integration.test.ts enumerates the
// actual actions and routes in app/ and fails when one is missing here.

export type TMatrixContext = { db: TDatabase; actor: TSignedInActor };

/** Form fields (or a JSON body and route params) that succeed for an allowed actor. */
export type TActionEntry = { input?: (context: TMatrixContext) => Promise<Record<string, string>> };
export type TRouteEntry = {
  request?: (context: TMatrixContext) => Promise<{ params?: Record<string, string | string[]>; body?: unknown }>;
};

/** Keyed "<file under app/>#<export>". */
export const ACTION_MATRIX: Record<string, TActionEntry> = {
  ...ADMIN_ACTION_MATRIX,
  ...DESK_ACTION_MATRIX,
  ...SUBSCRIPTION_ACTION_MATRIX,
  "(auth)/sign-in/actions.ts#signIn": {},
  "(auth)/sign-in/actions.ts#signOut": {},
  "(account)/account/actions.ts#signOutEverywhere": {},
  "(account)/account/actions.ts#setPublicCreditAction": { input: async () => ({ namedInPublic: "on" }) },
  "(account)/account/actions.ts#createToken": {
    input: async () => ({ name: "matrix token" }),
  },
  "(account)/account/actions.ts#revokeToken": {
    input: async ({ db, actor }) => {
      const token = await db.apiToken.create({ data: { userId: actor.id, name: "to revoke", tokenHash: `matrix-${crypto.randomUUID()}`, prefix: "pw_matrix" } });
      return { tokenId: token.id };
    },
  },
};

/** Keyed "<METHOD> <file under app/>": the mutating routes (reads need no input to be tried). */
export const ROUTE_MATRIX: Record<string, TRouteEntry> = {
  ...DESK_ROUTE_MATRIX,
  ...ADMIN_ROUTE_MATRIX,
  ...SUBSCRIPTION_ROUTE_MATRIX,
  "POST api/auth/[...nextauth]/route.ts": {},
  // The catch-all 404 of unknown API paths: public, it answers every caller the same.
  ...Object.fromEntries(["POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} api/v1/[...path]/route.ts`, {}])),
};
