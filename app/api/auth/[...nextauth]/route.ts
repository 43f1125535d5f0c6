// GET, POST /api/auth/*: Auth.js endpoints for single sign-on (OpenID Connect), when configured.
import NextAuth from "next-auth";
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { authOptions, oidcProviderName } from "@/lib/server/auth/auth-options";
import { AppError } from "@/lib/server/errors";

type TNextAuthHandler = (request: Request, context: { params: { nextauth: string[] } }) => Promise<Response>;

// "public": Auth.js identifies the caller itself and checks its own CSRF token.
const handle = apiRoute({ permission: "public", summary: "Auth.js single sign-on endpoints (not part of the documented API)", response: ZNotJsonBody, params: ["nextauth"] }, async (request, { params }) => {
  if (!oidcProviderName()) throw new AppError("NOT_FOUND", "Single sign-on is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.");
  const handler = NextAuth(authOptions()) as TNextAuthHandler;
  // A catch-all segment: Next.js hands it over as the list of path parts.
  return handler(request, { params: { nextauth: params.nextauth as unknown as string[] } });
});

export { handle as GET, handle as POST };
