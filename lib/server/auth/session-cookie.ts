import "server-only";
import { cookies, headers } from "next/headers";
import { getAppEnv } from "../env";
import { openSession, revokeSession } from "./sessions";
import { decodeSessionToken, encodeSessionToken, SESSION_COOKIE, sessionCookieOptions } from "./session-token";

// Secure when the public origin is https (the app usually sits behind a TLS proxy, so the
// socket itself is plain http), or when a proxy says the request came over https.
async function isHttps(): Promise<boolean> {
  if (getAppEnv().PUBLIC_URL?.startsWith("https://")) return true;
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Starts a session for the user in this response (server actions and route handlers only). */
export async function startSession(userId: string): Promise<void> {
  const sessionId = await openSession(userId);
  (await cookies()).set(SESSION_COOKIE, await encodeSessionToken(userId, sessionId), sessionCookieOptions(await isHttps()));
}

/** Ends the session on the server (its row is revoked) and deletes the cookie in this response. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  await revokeSession(await decodeSessionToken(jar.get(SESSION_COOKIE)?.value));
  jar.delete(SESSION_COOKIE);
}

/** The client's address for rate limits, as recorded by scripts/serve.mjs from the socket. */
export async function clientAddress(): Promise<string> {
  return (await headers()).get("x-pactwatch-client-address") ?? "unknown";
}
