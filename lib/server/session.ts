import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { fixedActor } from "./auth/actor-context";
import { actorOfSession } from "./auth/sessions";
import { decodeSessionToken, SESSION_COOKIE } from "./auth/session-token";
import type { TActor } from "./permissions";

/**
 * The visitor behind the current request: the actor fixed for this work (API token, tests),
 * else the signed-in user of the session cookie, else null (anonymous). Checked against the
 * database on every request, so a disabled account, a changed role or a sign-out takes effect at once.
 */
export const getCurrentActor = cache(async (): Promise<TActor> => {
  const fixed = fixedActor();
  if (fixed) return fixed.actor;
  const session = await decodeSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  return session ? actorOfSession(session) : null;
});
