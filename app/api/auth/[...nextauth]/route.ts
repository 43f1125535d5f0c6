// GET, POST /api/auth/*: Auth.js endpoints for single sign-on (OpenID Connect), when configured.
import NextAuth from "next-auth";
import { authOptions, oidcProviderName } from "@/lib/server/auth/auth-options";

type TContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: TContext): Promise<Response> {
  if (!oidcProviderName()) {
    return Response.json({ detail: "Single sign-on is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET." }, { status: 404 });
  }
  const handler = NextAuth(authOptions()) as (request: Request, context: { params: { nextauth: string[] } }) => Promise<Response>;
  return handler(request, { params: await context.params });
}

export { handle as GET, handle as POST };
