import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type TPermission, type TSignedInActor } from "../permissions";
import { getCurrentActor } from "../session";

/**
 * For pages: the signed-in actor, or a redirect to the sign-in page that comes back to `path`.
 * With a permission, a signed-in actor without it gets the 403 page (app/forbidden.tsx).
 */
export async function requireSignedIn(path: string, permission?: TPermission): Promise<TSignedInActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}
