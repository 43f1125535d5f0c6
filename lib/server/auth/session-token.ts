import "server-only";
import { decode, encode } from "next-auth/jwt";
import { getAppEnv } from "../env";

// Sessions are Auth.js JWTs (encrypted with AUTH_SECRET) in one cookie, so any number of app
// processes sharing the secret accept each other's sessions (docs/decisions/001). Each names
// its row in "Session" (sid), checked on every request, so sign-out ends it on the server (014).
export const SESSION_COOKIE = "pactwatch.session-token";
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Issues a session token for a user's session row. */
export function encodeSessionToken(userId: string, sessionId: string): Promise<string> {
  return encode({ token: { sub: userId, sid: sessionId }, secret: getAppEnv().AUTH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
}

export type TSessionClaims = { userId: string; sessionId: string; issuedAt: Date };

/** The user, session id and issue time of a valid token, or null for a missing, forged, expired or session-less one. */
export async function decodeSessionToken(token: string | undefined): Promise<TSessionClaims | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: getAppEnv().AUTH_SECRET });
    if (!payload?.sub || typeof payload.iat !== "number" || typeof payload.sid !== "string") return null;
    return { userId: payload.sub, sessionId: payload.sid, issuedAt: new Date(payload.iat * 1000) };
  } catch {
    return null;
  }
}

/** Cookie attributes: HttpOnly, SameSite=Lax, Secure when served over https. */
export function sessionCookieOptions(isSecure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: isSecure, maxAge: SESSION_MAX_AGE_SECONDS };
}
