import type { TDatabase } from "../../lib/server/db";
import type { TPermission, TSignedInActor } from "../../lib/server/permissions";
import { ADMIN_ACTION_MATRIX } from "./admin-matrix";
import { DESK_ACTION_MATRIX, DESK_ROUTE_MATRIX } from "./desk-matrix";

// The authorisation matrix (SPEC §2): every server action and every mutating route handler, with
// the permission it requires. authorization-matrix.integration.test.ts enumerates the actual
// actions and routes in app/ and fails when one is missing here, then checks every cell for
// anonymous visitors, readers, analysts and admins.

export type TMatrixContext = { db: TDatabase; actor: TSignedInActor };

/** Form fields (or a JSON body and route params) that succeed for an allowed actor. */
export type TActionEntry = { permission: TPermission | null; input?: (context: TMatrixContext) => Promise<Record<string, string>> };
export type TRouteEntry = {
  permission: TPermission | null;
  request?: (context: TMatrixContext) => Promise<{ params?: Record<string, string | string[]>; body?: unknown }>;
};

/** Keyed "<file under app/>#<export>". */
export const ACTION_MATRIX: Record<string, TActionEntry> = {
  ...ADMIN_ACTION_MATRIX,
  ...DESK_ACTION_MATRIX,
  "(auth)/sign-in/actions.ts#signIn": { permission: null },
  "(auth)/sign-in/actions.ts#signOut": { permission: null },
  "(account)/account/actions.ts#signOutEverywhere": { permission: "account:manage-own" },
  "(account)/account/actions.ts#createToken": {
    permission: "api-token:manage-own",
    input: async () => ({ name: "matrix token" }),
  },
  "(account)/account/actions.ts#revokeToken": {
    permission: "api-token:manage-own",
    input: async ({ db, actor }) => {
      const token = await db.apiToken.create({ data: { userId: actor.id, name: "to revoke", tokenHash: `matrix-${crypto.randomUUID()}`, prefix: "pw_matrix" } });
      return { tokenId: token.id };
    },
  },
};

/** Keyed "<METHOD> <file under app/>". Auth.js's own endpoints check their CSRF token themselves. */
export const ROUTE_MATRIX: Record<string, TRouteEntry> = {
  ...DESK_ROUTE_MATRIX,
  "POST api/auth/[...nextauth]/route.ts": { permission: null },
};
