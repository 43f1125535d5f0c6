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
export type TApiRouteDeclaration<TPerm extends TRoutePermission, TParam extends string, TBody, TQuery> = {
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
  /** One line for the OpenAPI document (issue 11): what the endpoint does, in the imperative. */
  summary?: string;
  /** The success body's schema: the OpenAPI document's response, and what contract tests hold real bodies to. */
  response?: z.ZodType;
  /** The success status when it is not 200 (201 for a create, 204 for no body). */
  successStatus?: 200 | 201 | 204;
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
export function apiRoute<TPerm extends TRoutePermission, TParam extends string = never, TBody extends z.ZodType | undefined = undefined, TQuery extends z.ZodType | undefined = undefined>(
  declaration: TApiRouteDeclaration<TPerm, TParam, TBody, TQuery>,
  handler: (request: Request, context: TApiRouteContext<TPerm, TParam, TBody, TQuery>) => Promise<Response | object>,
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
        return result instanceof Response ? result : Response.json(result);
      });
    } catch (error) {
      return problemResponse(error);
    }
  };
  return Object.assign(route, { declaration: Object.freeze({ ...declaration }) as TDeclaredRoute["declaration"] });
}
