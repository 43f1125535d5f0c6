import { z } from "zod";
import { ZProblemBody } from "../../../schemas/responses/problem";
import { rolesWith } from "../../permissions";
import type { TDeclaredRoute } from "../api-route";
import { declaredErrorStatuses, ERROR_STATUS_DESCRIPTIONS } from "./declared-statuses";
import { toJsonSchema, type TJsonSchema } from "./json-schema";

// The OpenAPI 3.1 document of /api/v1 (decision 021), generated from the apiRoute declarations:
// nothing in it is written by hand except the prose of `info` and the security schemes.

export type TDocumentedRoute = { path: string; method: string; declaration: TDeclaredRoute["declaration"] };

const SESSION_COOKIE = "pactwatch.session-token";
const PROBLEM = { $ref: "#/components/schemas/Problem" };
const STATUS_NAMES: Record<number, string> = {
  400: "MalformedBody", 401: "Unauthenticated", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
  413: "BodyTooLarge", 415: "UnsupportedMediaType", 422: "InvalidInput", 429: "RateLimited", 503: "Unavailable",
};
const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: "OK", 201: "Created", 204: "No content", 304: "Not modified: If-None-Match named the current ETag; no body", 307: "Moved: follow Location" };
// The conditional-request and retry headers apiRoute honours (conditional-read.ts, if-match.ts, idempotency.ts).
const READ_HEADERS = {
  ETag: { description: "A strong validator of this body: send it back as If-None-Match to be answered 304 when nothing changed.", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60 for anonymous reads of a public instance; private, no-store otherwise.", schema: { type: "string" } },
};
const IF_NONE_MATCH = { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier read: 304 without a body when it is still current.", schema: { type: "string" } };
const IF_MATCH = { name: "If-Match", in: "header", required: false, description: "The ETag of this record's GET: the edit applies only to that version (409 otherwise); the body's version may then be left out.", schema: { type: "string" } };
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Any unique string (a UUID): a retry with the same key and body gets the first answer again and writes nothing; the same key with another request is 409.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

const DESCRIPTION = `Pactwatch's public record as JSON: agreements, trade measures, parties, sources, and the
developments (status changes) that move them, each backed by cited sources.

**Reading** needs nothing while the instance is public (PUBLIC_READ on); otherwise an API token.
**Writing** needs an API token of an analyst or admin (create one on your account page) sent as
\`Authorization: Bearer pw_…\`, or a signed-in browser session.

**Lists** are keyset pages: follow \`links.next\` (or the \`Link: rel="next"\` header, or send
\`cursor=nextCursor\`) until it is null; \`limit\` is at most 100. **Reads** carry an \`ETag\`: send it
as \`If-None-Match\` for a 304. **Edits** take the record's ETag as \`If-Match\` (or its \`version\` in
the body) and answer 409 when it changed. **Creates** take an \`Idempotency-Key\` so a retry after a
lost answer writes nothing twice. A method a path does not take is 405 with \`Allow\`. **Errors** are always application/problem+json: \`type\`, \`title\`,
\`status\`, \`detail\`, and for invalid fields \`errors\` with each field's messages. Each operation's
\`x-permission\` names the permission it needs (SPEC §2).`;

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, "")
    .split("/")
    .map((part) => (part.startsWith("{") ? `by-${part.slice(1, -1)}` : part))
    .join("-")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words].map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}

function schemaTitle(schema: z.ZodType): string | undefined {
  const title = z.globalRegistry.get(schema)?.title;
  return typeof title === "string" ? title : undefined;
}

/** A response schema: a component when it has a title (so generated clients get a name), else inline. */
function responseSchema(schema: z.ZodType, components: Record<string, TJsonSchema>): TJsonSchema {
  const title = schemaTitle(schema);
  const json = toJsonSchema(schema, "output");
  if (!title) return json;
  components[title] ??= json;
  return { $ref: `#/components/schemas/${title}` };
}

/**
 * The request body a client sends. A route that completes the body (a PATCH laid over the current
 * values, an id taken from the path) needs only what changes: its fields are optional but the
 * version, and those its path supplies are not asked for.
 */
function requestBodySchema(route: TDocumentedRoute): TJsonSchema {
  const json = toJsonSchema(route.declaration.schema!, "input");
  if (!route.declaration.complete) return json;
  const properties = { ...(json.properties as Record<string, unknown>) };
  for (const param of [...(route.declaration.params ?? []), "id"]) delete properties[param];
  const { required: _required, ...rest } = json;
  return { ...rest, properties, ...("version" in properties ? { required: ["version"] } : {}) };
}

function queryParameters(query: z.ZodType): TJsonSchema[] {
  const json = toJsonSchema(query, "input");
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties as Record<string, TJsonSchema> | undefined) ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    const isList = rest.type === "array";
    return {
      name,
      in: "query",
      required: required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      // Lists are repeated names (?party=JPN&party=KOR) or one comma-separated value.
      ...(isList ? { style: "form", explode: true } : {}),
      schema: rest,
    };
  });
}

function security(permission: string): Record<string, string[]>[] {
  if (permission === "public") return [];
  const signedIn: Record<string, string[]>[] = [{ bearerToken: [] }, { sessionCookie: [] }];
  // An empty requirement: anonymous callers may read while the instance is public.
  return permission === "published:read" ? [{}, ...signedIn] : signedIn;
}

function examplesOf(json: TJsonSchema): { example?: unknown } {
  return Array.isArray(json.examples) && json.examples.length ? { example: json.examples[0] } : {};
}

/**
 * A read whose JSON body apiRoute serialises gets an ETag and answers If-None-Match: its response
 * is an object. A CSV or other stream answers its own Response, and public routes answer for themselves.
 */
export function isConditionalRead({ method, declaration }: Pick<TDocumentedRoute, "method" | "declaration">): boolean {
  return method === "GET" && declaration.permission !== "public" && declaration.response instanceof z.ZodObject;
}

/** A POST by an identified caller may carry an Idempotency-Key (api-route.ts). */
export function isIdempotentCreate({ method, declaration }: Pick<TDocumentedRoute, "method" | "declaration">): boolean {
  return method === "POST" && declaration.permission !== "public" && !declaration.answersSecret;
}

function operation(route: TDocumentedRoute, components: Record<string, TJsonSchema>) {
  const { declaration, method, path } = route;
  const body = declaration.schema ? requestBodySchema(route) : null;
  const bodyProperties = body ? Object.keys((body.properties as object | undefined) ?? {}) : [];
  const successStatuses = [declaration.successStatus ?? 200, ...(declaration.otherSuccessStatuses ?? [])];
  const responses: Record<string, unknown> = {};
  for (const status of successStatuses) {
    responses[status] =
      status === 307
        ? { description: SUCCESS_DESCRIPTIONS[307], headers: { Location: { schema: { type: "string" } } } }
        : status === 204
          ? { description: SUCCESS_DESCRIPTIONS[204] }
          : {
              description: SUCCESS_DESCRIPTIONS[status] ?? "OK",
              ...(isConditionalRead(route) && status === 200 ? { headers: READ_HEADERS } : {}),
              // A string body is a CSV download (audit-events.csv); every other success is JSON.
              content: { [declaration.response instanceof z.ZodString ? "text/csv" : "application/json"]: { schema: responseSchema(declaration.response, components) } },
            };
  }
  if (isConditionalRead(route)) responses[304] = { description: SUCCESS_DESCRIPTIONS[304], headers: READ_HEADERS };
  for (const status of declaredErrorStatuses(declaration, method, bodyProperties)) responses[status] = { $ref: `#/components/responses/${STATUS_NAMES[status]}` };
  return {
    operationId: operationId(method, path),
    summary: declaration.summary,
    description: declaration.permission === "public" ? "Open to anyone." : `Needs the permission ${declaration.permission}, held by ${rolesWith(declaration.permission).join(", ")}${declaration.permission === "published:read" ? " (and anonymous visitors while the instance is public)" : ""}.`,
    tags: [path.split("/")[3]!],
    "x-permission": declaration.permission,
    security: security(declaration.permission),
    parameters: [
      ...(declaration.params ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(declaration.query ? queryParameters(declaration.query) : []),
      ...(isConditionalRead(route) ? [IF_NONE_MATCH] : []),
      ...(declaration.readRoute ? [IF_MATCH] : []),
      ...(isIdempotentCreate(route) ? [IDEMPOTENCY_KEY] : []),
    ],
    ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body, ...examplesOf(body) } } } } : {}),
    responses,
  };
}

function errorResponses() {
  const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } } };
  return Object.fromEntries(
    Object.entries(STATUS_NAMES).map(([status, name]) => [
      name,
      {
        description: ERROR_STATUS_DESCRIPTIONS[Number(status)],
        ...(status === "429" || status === "503" ? { headers: retryAfter } : {}),
        ...(status === "401" ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } } : {}),
        content: { "application/problem+json": { schema: PROBLEM } },
      },
    ]),
  );
}

/** The document for the routes given (app/api/v1/route-registry.ts lists them), served from `serverUrl`. */
export function buildOpenApiDocument(routes: readonly TDocumentedRoute[], { serverUrl, version }: { serverUrl: string; version: string }) {
  const schemas: Record<string, TJsonSchema> = { Problem: toJsonSchema(ZProblemBody, "output") };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, schemas);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Pactwatch API", version, description: DESCRIPTION },
    servers: [{ url: serverUrl }],
    tags: [...new Set(routes.map((route) => route.path.split("/")[3]!))].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas,
      responses: errorResponses(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An API token (pw_…) from your account page." },
        sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "A signed-in browser session (writes also need a same-origin Origin header)." },
      },
    },
  };
}

export type TOpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
