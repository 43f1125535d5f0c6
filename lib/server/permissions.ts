import "server-only";
import type { Role } from "../generated/prisma/enums";
import { getAppEnv } from "./env";
import { AppError } from "./errors";
import { refusalMessage } from "./permission-refusals";

// Who may do what, in one screen (SPEC §2). Code asks for a permission, never for a role.
const ROLE_PERMISSIONS = {
  "published:read": ["READER", "ANALYST", "ADMIN"],
  "draft:read": ["ANALYST", "ADMIN"],
  "status-change:log": ["ANALYST", "ADMIN"],
  "status-change:publish": ["ANALYST", "ADMIN"],
  "status-change:edit": ["ANALYST", "ADMIN"],
  "status-change:edit-others-draft": ["ADMIN"],
  "status-change:retract": ["ADMIN"],
  "review:decide": ["ANALYST", "ADMIN"],
  "agreement:write": ["ANALYST", "ADMIN"],
  "measure:write": ["ANALYST", "ADMIN"],
  "party:write": ["ANALYST", "ADMIN"],
  "link:write": ["ANALYST", "ADMIN"],
  "condition:write": ["ANALYST", "ADMIN"],
  "position:write": ["ANALYST", "ADMIN"],
  "source:create": ["ANALYST", "ADMIN"],
  "source:edit": ["ADMIN"],
  "source:grade": ["ADMIN"],
  "source:merge": ["ADMIN"],
  "source:retire": ["ADMIN"],
  "account:manage-own": ["READER", "ANALYST", "ADMIN"],
  "api-token:manage-own": ["ANALYST", "ADMIN"],
  "subscription:manage-own": ["READER", "ANALYST", "ADMIN"],
  "delivery:monitor": ["ADMIN"],
  "user:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
  "settings:manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof ROLE_PERMISSIONS;

export const PERMISSIONS = Object.keys(ROLE_PERMISSIONS) as TPermission[];

/** The acting user as use cases see it; null is an anonymous visitor. */
export type TActor = { id: string; role: Role; name: string; email: string } | null;
export type TSignedInActor = NonNullable<TActor>;

/** True when the actor holds the permission. Anonymous visitors may only read, and only while PUBLIC_READ is on. */
export function can(actor: TActor, permission: TPermission): boolean {
  if (!actor) return permission === "published:read" && getAppEnv().PUBLIC_READ;
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** The roles that hold a permission, for the authorisation matrix and the admin pages. */
export function rolesWith(permission: TPermission): readonly Role[] {
  return ROLE_PERMISSIONS[permission];
}

/** Throws UNAUTHENTICATED for anonymous visitors and FORBIDDEN for signed-in ones, unless the actor may. */
export function assertCan(actor: TActor, permission: TPermission): asserts actor is TActor {
  if (can(actor, permission)) return;
  throw actor
    ? new AppError("FORBIDDEN", refusalMessage(permission, rolesWith(permission)), {}, { permission })
    : new AppError("UNAUTHENTICATED", "Sign in to continue.");
}

/** Like assertCan, and narrows to a signed-in actor for permissions anonymous visitors never hold. */
export function assertSignedInCan(actor: TActor, permission: TPermission): asserts actor is TSignedInActor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  assertCan(actor, permission);
}
