import "server-only";
import type { NextAuthOptions } from "next-auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { getAppEnv } from "../env";
import { openSession } from "./sessions";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "./session-token";

/** The OpenID Connect provider's display name when OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are set, else null. */
export function oidcProviderName(): string | null {
  const env = getAppEnv();
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? env.OIDC_NAME : null;
}

/**
 * Auth.js options for the OpenID Connect sign-in (password sign-in is our own server action).
 * Both write the same encrypted JWT session cookie, which lib/server/session.ts reads.
 * An OIDC user is matched by verified email; a new one becomes a reader.
 */
export function authOptions(): NextAuthOptions {
  const env = getAppEnv();
  const isConfigured = oidcProviderName() !== null;
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: env.PUBLIC_URL?.startsWith("https://") ?? false },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: isConfigured
      ? [
          {
            id: "oidc",
            name: env.OIDC_NAME,
            type: "oauth",
            wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            authorization: { params: { scope: "openid email profile" } },
            idToken: true,
            checks: ["pkce", "state"],
            profile: (profile: { sub: string; email?: string; name?: string }) => ({
              id: profile.sub,
              email: profile.email ?? null,
              name: profile.name ?? profile.email ?? profile.sub,
            }),
          },
        ]
      : [],
    callbacks: {
      async signIn({ user, profile }) {
        const email = user.email?.toLowerCase();
        if (!email || (profile as { email_verified?: boolean } | undefined)?.email_verified === false) return false;
        const existing = await getDatabase().user.findUnique({ where: { email }, select: { disabledAt: true } });
        return !existing?.disabledAt;
      },
      async jwt({ token, user }) {
        if (!user?.email) return token;
        const email = user.email.toLowerCase();
        const database = getDatabase();
        const account = await database.$transaction(async (tx) => {
          const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
          if (found) return found;
          const created = await tx.user.create({ data: { email, name: user.name ?? email, role: "READER" }, select: { id: true, email: true, role: true } });
          await recordAuditEvent(tx, null, { action: "user:create", entityType: "User", entityId: created.id, after: { ...created, via: "single sign-on" } });
          return created;
        });
        // The session row lets sign-out end this session on the server (decision 014).
        return { sub: account.id, sid: await openSession(account.id) };
      },
    },
  };
}
