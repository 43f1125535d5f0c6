import "server-only";
import type { z } from "zod";
import { paramsToObject } from "../../schemas/reader-queries";
import { authenticateApiToken } from "../api-tokens/authenticate-api-token";
import { runAsActor } from "../auth/actor-context";
import { assertCan, type TActor, type TPermission, type TSignedInActor } from "../permissions";
import { getCurrentActor } from "../session";
import { problemResponse } from "./problem-response";
import { checkedRouteParams } from "./route-params";
import { DEFAULT_MAX_BODY_BYTES, readJsonObject } from "./read-json-body";

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
  complete?: (body: Record<string, unknown>, context: { actor: TActorFor<TPerm>; params: Record<TParam, string> }) => Promise<Record<string, unknown>> | Record<string, unknown>;
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
async function identify(request: Request): Promise<TActor> {
  const authorization = request.headers.get("authorization");
  return authorization ? authenticateApiToken(authorization) : getCurrentActor();
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
    try {
      const isPublic = declaration.permission === "public";
      const actor = isPublic ? null : await identify(request);
      return await runAsActor(actor, async () => {
        if (declaration.permission !== "public") assertCan(actor, declaration.permission);
        const typedActor = actor as TActorFor<TPerm>;
        const params = checkedRouteParams(((await context.params) ?? {}) as Record<TParam, string>) as Record<TParam, string>;
        const query = (declaration.query ? declaration.query.parse(paramsToObject(new URL(request.url).searchParams)) : undefined) as TOutput<TQuery>;
        let body = undefined as TOutput<TBody>;
        if (declaration.schema) {
          const sent = await readJsonObject(request, declaration.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
          const completed = declaration.complete ? await declaration.complete(sent, { actor: typedActor, params }) : sent;
          body = declaration.schema.parse(completed) as TOutput<TBody>;
        }
        const result = await handler(request, { params, actor: typedActor, body, query });
        if (result instanceof Response) return result;
        return declaration.successStatus === 204 ? new Response(null, { status: 204 }) : Response.json(result, { status: declaration.successStatus ?? 200 });
      });
    } catch (error) {
      return problemResponse(error);
    }
  };
  return Object.assign(route, { declaration: Object.freeze({ ...declaration }) as TDeclaredRoute["declaration"] });
}
