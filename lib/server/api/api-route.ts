import "server-only";
import type { z } from "zod";
import { paramsToObject } from "../../schemas/reader-queries";
import { authenticateApiToken } from "../api-tokens/authenticate-api-token";
import { runAsActor } from "../auth/actor-context";
import { assertCan, type TActor, type TPermission, type TSignedInActor } from "../permissions";
import { enforceRequestLimits, type TRequestLimit } from "../rate-limits/request-limits";
import { getCurrentActor } from "../session";
import { finishRead, isPrivateRead } from "./conditional-read";
import { claimIdempotencyKey, idempotencyKeyOf, requestFingerprint, type TIdempotencyClaim } from "./idempotency";
import { assertIfMatch } from "./if-match";
import { nextLinkHeader } from "./link-header";
import { assertJsonContentType } from "./media-type";
import { AppError } from "../errors";
import { problemResponse } from "./problem-response";
import { asJsonObject, DEFAULT_MAX_BODY_BYTES, parseJsonBytes, readLimitedBytes } from "./read-json-body";
import { checkedRouteParams } from "./route-params";
import { assertSameOriginWrite } from "./same-origin";

/**
 * What a caller must hold: a permission of lib/server/permissions.ts ("published:read" for
 * reads, anonymous while PUBLIC_READ is on), or "public" for endpoints that identify nobody and
 * act for nobody (the health check, Auth.js's own endpoints, which check their CSRF token).
 */
export type TRoutePermission = TPermission | "public";

type TOutput<TSchema> = TSchema extends z.ZodType ? z.output<TSchema> : undefined;
type TActorFor<TPerm> = TPerm extends "published:read" | "public" ? TActor : TSignedInActor;

/** A route's declaration: data, so the authorisation matrix and (issue 11) the OpenAPI document read it. */
export type TApiRouteDeclaration<TPerm extends TRoutePermission, TParam extends string, TBody, TQuery, TResponse extends z.ZodType = z.ZodType> = {
  permission: TPerm;
  /** Names of the path's dynamic segments ([slug] → "slug"), handed to the handler as strings. */
  params?: readonly TParam[];
  /** The JSON body's schema; with one, the body is read (byte-limited, a JSON object) and parsed before the handler runs. */
  schema?: TBody;
  /**
   * What the sent body completes to before `schema` parses it: a PATCH lays it over the record's
   * current values, a route on /{id} folds the id in. Runs after the permission check.
   */
  complete?: (
    body: Record<string, unknown>,
    /** hasIfMatch: the request sent If-Match, so the version edited is the record's current one (if-match.ts checks it). */
    context: { actor: TActorFor<TPerm>; params: Record<TParam, string>; hasIfMatch: boolean },
  ) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The query string's schema (read with the reader-query rules: repeated keys are arrays). */
  query?: TQuery;
  /** The largest body accepted, in UTF-8 bytes (default 8 MB). */
  maxBodyBytes?: number;
  /** One line for the OpenAPI document (decision 021): what the endpoint does, in the imperative. */
  summary: string;
  /**
   * The success body's schema (lib/schemas/responses/): the OpenAPI document's response, what a
   * handler's plain-object result is type-checked against, and what contract tests hold real bodies to.
   */
  response: TResponse;
  /** The success status when it is not 200 (201 for a create, 204 for no body). */
  successStatus?: 200 | 201 | 204;
  /**
   * The answer carries a secret shown once (a generated password, an API token). Idempotency keys
   * are refused here: replaying the answer would mean keeping the secret in IdempotencyKey for a day.
   */
  answersSecret?: true;
  /**
   * "export": anonymous requests count against the export rate limit instead of the search one
   * (lib/server/rate-limits/; writes and anonymous q= searches are limited on every route).
   */
  limit?: TRequestLimit;
  /** The GET handler of the same path, for an edit: `If-Match` is checked against its ETag (if-match.ts). */
  readRoute?: (request: Request, context: TNextContext) => Promise<Response>;
  /** Other successes a client can meet: 200 when a create finds the record already there, 307 for a redirect. */
  otherSuccessStatuses?: readonly (200 | 307)[];
};

export type TApiRouteContext<TPerm extends TRoutePermission, TParam extends string, TBody, TQuery> = {
  params: Record<TParam, string>;
  actor: TActorFor<TPerm>;
  body: TOutput<TBody>;
  query: TOutput<TQuery>;
};

type TNextContext = { params: Promise<unknown> };

/** The declared shape every route handler made here carries, for tests and generated documentation. */
export type TDeclaredRoute = ((request: Request, context: TNextContext) => Promise<Response>) & {
  declaration: TApiRouteDeclaration<TRoutePermission, string, z.ZodType | undefined, z.ZodType | undefined>;
};

/** The caller: a bearer token when one is sent (a bad one is refused, never ignored), else the session cookie. */
async function identify(request: Request): Promise<{ actor: TActor; isBySession: boolean }> {
  const authorization = request.headers.get("authorization");
  return authorization ? { actor: await authenticateApiToken(authorization), isBySession: false } : { actor: await getCurrentActor(), isBySession: true };
}

/** A handler's result as a response: plain objects as JSON, a list's next page also as a Link header. */
function toResponse(request: Request, result: unknown, successStatus: number | undefined): Response {
  if (result instanceof Response) return result;
  const link = nextLinkHeader(request, result);
  return Response.json(result, { status: successStatus ?? 200, headers: link ? { link } : {} });
}

/**
 * The one wrapper of route handlers (the HTTP sibling of defineAction): identifies the caller,
 * checks the declared permission, reads and validates the query string and JSON body with the
 * declared schemas, runs the handler as that caller, and answers plain objects as JSON and every
 * error as application/problem+json.
 */
export function apiRoute<
  TPerm extends TRoutePermission,
  TParam extends string = never,
  TBody extends z.ZodType | undefined = undefined,
  TQuery extends z.ZodType | undefined = undefined,
  TResponse extends z.ZodType = z.ZodType,
>(
  declaration: TApiRouteDeclaration<TPerm, TParam, TBody, TQuery, TResponse>,
  // A plain result is the success body, so it must have the declared response's shape; a
  // Response (a redirect, a stream, a status chosen at run time) is the handler's own business.
  handler: (request: Request, context: TApiRouteContext<TPerm, TParam, TBody, TQuery>) => Promise<Response | NoInfer<z.input<TResponse>>>,
): TDeclaredRoute {
  const route = async (request: Request, context: TNextContext): Promise<Response> => {
    let claim: TIdempotencyClaim | undefined;
    try {
      if (declaration.permission === "public") return await publicRoute(request, context);
      const { actor, isBySession } = await identify(request);
      return await runAsActor(actor, async () => {
        // Cross-site pages can make a browser send the session cookie; they cannot set a token.
        if (isBySession && actor) assertSameOriginWrite(request);
        assertCan(actor, declaration.permission as TPermission);
        await enforceRequestLimits(request, actor, declaration.limit);
        const typedActor = actor as TActorFor<TPerm>;
        const params = checkedRouteParams(((await context.params) ?? {}) as Record<TParam, string>) as Record<TParam, string>;
        const query = (declaration.query ? declaration.query.parse(paramsToObject(new URL(request.url).searchParams)) : undefined) as TOutput<TQuery>;
        let sent: Record<string, unknown> | undefined;
        let bytes: Uint8Array = new Uint8Array();
        if (declaration.schema) {
          assertJsonContentType(request);
          bytes = await readLimitedBytes(request, declaration.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
          sent = asJsonObject(parseJsonBytes(bytes));
        }
        const key = request.method.toUpperCase() === "POST" && actor ? idempotencyKeyOf(request) : null;
        if (key && declaration.answersSecret) {
          throw new AppError(
            "INVALID_INPUT",
            "This endpoint answers a secret once and keeps no copy of it, so it cannot replay its answer: send it without Idempotency-Key, and if the answer is lost, make another (and revoke or reset the first).",
            { "Idempotency-Key": ["Not taken by this endpoint: it answers a secret once."] },
          );
        }
        if (key && actor) {
          claim = await claimIdempotencyKey(actor.id, key, requestFingerprint(request, bytes));
          if (claim.kind === "replay") return claim.response;
        }
        let body = undefined as TOutput<TBody>;
        if (declaration.schema && sent) {
          const hasIfMatch = Boolean(declaration.readRoute && request.headers.has("if-match"));
          const completed = declaration.complete ? await declaration.complete(sent, { actor: typedActor, params, hasIfMatch }) : sent;
          if (declaration.readRoute) await assertIfMatch(request, (read) => declaration.readRoute!(read, context), completed.version);
          body = declaration.schema.parse(completed) as TOutput<TBody>;
        }
        const result = await handler(request, { params, actor: typedActor, body, query });
        const response = toResponse(request, result, declaration.successStatus);
        if (claim?.kind === "claimed") return await claim.complete(response);
        // Validators and caching for the bodies made here; a Response of the handler's own (a
        // streamed export, a feed with its own caching, a redirect) is answered as it is.
        return result instanceof Response ? response : await finishRead(request, response, isPrivateRead(request, actor));
      });
    } catch (error) {
      const problem = problemResponse(error, request);
      // A claimed key keeps the answer to its request, a refusal as much as a success (5xx excepted).
      return claim?.kind === "claimed" ? await claim.complete(problem).catch(() => problem) : problem;
    }
  };
  /** Endpoints that identify nobody (health, Auth.js): run as nobody, answered as they answer. */
  const publicRoute = (request: Request, context: TNextContext) =>
    runAsActor(null, async () => {
      const params = checkedRouteParams(((await context.params) ?? {}) as Record<TParam, string>) as Record<TParam, string>;
      const query = (declaration.query ? declaration.query.parse(paramsToObject(new URL(request.url).searchParams)) : undefined) as TOutput<TQuery>;
      const body = (declaration.schema ? declaration.schema.parse(asJsonObject(parseJsonBytes(await readBody(request)))) : undefined) as TOutput<TBody>;
      return toResponse(request, await handler(request, { params, actor: null as TActorFor<TPerm>, body, query }), declaration.successStatus);
    });
  const readBody = (request: Request) => {
    assertJsonContentType(request);
    return readLimitedBytes(request, declaration.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  };
  return Object.assign(route, { declaration: Object.freeze({ ...declaration }) as TDeclaredRoute["declaration"] });
}
