import { z } from "zod";

/** GET /api/health. */
export const ZHealthBody = z.object({ status: z.enum(["ok", "unavailable"]), reason: z.string().optional() }).meta({ title: "Health" });

/** GET /api/v1/openapi.json: an OpenAPI 3.1 document (held to the OpenAPI schema by the contract tests, not here). */
export const ZOpenApiDocumentBody = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).meta({ title: "OpenApiDocument" });

/** A body that is not JSON (CSV, Atom, HTML, Auth.js's own answers): such a handler answers a Response itself. */
export const ZNotJsonBody = z.unknown();
