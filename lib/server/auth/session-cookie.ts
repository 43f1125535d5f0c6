import "server-only";
import { cookies, headers } from "next/headers";
import { encodeSessionToken, SESSION_COOKIE, sessionCookieOptions } from "./session-token";

async function isHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Starts a session for the user in this response (server actions and route handlers only). */
export async function startSession(userId: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, await encodeSessionToken(userId), sessionCookieOptions(await isHttps()));
}

/** Ends the session in this response. */
export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The client's address for rate limits, as recorded by scripts/serve.mjs from the socket. */
export async function clientAddress(): Promise<string> {
  return (await headers()).get("x-pactwatch-client-address") ?? "unknown";
}
