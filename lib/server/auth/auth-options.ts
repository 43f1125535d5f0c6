import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getAppEnv } from "../env";
import { openSession } from "./sessions";
import { AppError } from "../errors";
import { signInWithSingleSignOn } from "../users/sign-in-with-single-sign-on";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "./session-token";

/** The OpenID Connect provider's display name when OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are set, else null. */
export function oidcProviderName(): string | null {
  const env = getAppEnv();
  return env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? env.OIDC_NAME : null;
}

/**
 * Auth.js options for the OpenID Connect sign-in (password sign-in is our own server action).
 * Both write the same encrypted JWT session cookie, which lib/server/session.ts reads.
 * An OIDC user is matched by an email the provider verified; a new one becomes a reader
 * (lib/server/users/sign-in-with-single-sign-on.ts).
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
      // Refused here (AccessDenied on the sign-in page) unless the provider asserts email_verified: true.
      async signIn({ profile }) {
        try {
          await signInWithSingleSignOn(profile);
          return true;
        } catch (error) {
          if (error instanceof AppError && error.code === "FORBIDDEN") return false;
          throw error;
        }
      },
      // Runs right after signIn allowed the same profile, so this finds the account signIn made.
      async jwt({ token, profile }) {
        if (!profile) return token;
        const account = await signInWithSingleSignOn(profile);
        // The session row lets sign-out end this session on the server (decision 014).
        return { sub: account.id, sid: await openSession(account.id) };
      },
    },
  };
}
