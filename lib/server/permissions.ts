import "server-only";
import type { Role } from "../generated/prisma/enums";
import { AppError } from "./errors";

// Who may do what, in one screen (SPEC §2). Code asks for a permission, never for a role.
const ROLE_PERMISSIONS = {
  "published:read": ["READER", "ANALYST", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof ROLE_PERMISSIONS;

/** The acting user as use cases see it; null is an anonymous visitor. */
export type TActor = { id: string; role: Role } | null;

/** Anonymous visitors may read published content (PUBLIC_READ; sign-in arrives with accounts). */
const ANONYMOUS_PERMISSIONS: ReadonlySet<TPermission> = new Set(["published:read"]);

/** True when the actor holds the permission. */
export function can(actor: TActor, permission: TPermission): boolean {
  if (!actor) return ANONYMOUS_PERMISSIONS.has(permission);
  return (ROLE_PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Throws FORBIDDEN (or UNAUTHENTICATED for anonymous visitors) unless the actor may. */
export function assertCan(actor: TActor, permission: TPermission): void {
  if (can(actor, permission)) return;
  throw actor
    ? new AppError("FORBIDDEN", `your role may not ${permission.replace(":", " ")}`)
    : new AppError("UNAUTHENTICATED", "sign in to continue");
}
