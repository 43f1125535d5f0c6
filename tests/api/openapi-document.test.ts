import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { API_V1_ROUTE_FILES, UNDOCUMENTED_API_V1_ROUTE_FILES, loadApiV1Routes } from "../../app/api/v1/route-registry";
import { declaredErrorStatuses } from "../../lib/server/api/openapi/declared-statuses";
import { PERMISSIONS } from "../../lib/server/permissions";
import { APP, filesNamed } from "../authorization/app-handlers";
import { ROUTE_MATRIX } from "../authorization/matrix";
import type { TOpenApiDocument } from "../../lib/server/api/openapi/build-openapi-document";
import { createValidator, fetchDocument, pointer } from "./openapi-support";

type TOperation = {
  operationId: string;
  summary: string;
  "x-permission": string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown>; required?: string[] }; example?: unknown } } };
  responses: Record<string, unknown>;
};

let document: TOpenApiDocument;
let routes: Awaited<ReturnType<typeof loadApiV1Routes>>;
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, TOperation>>).flatMap(([apiPath, methods]) => Object.entries(methods).map(([method, operation]) => ({ apiPath, method: method.toUpperCase(), operation })));

beforeAll(async () => {
  document = await fetchDocument();
  routes = await loadApiV1Routes();
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by @readme/openapi-parser", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(document.openapi).toBe("3.1.0");
  });

  it("registers every route file under app/api/v1, and nothing else", () => {
    const files = filesNamed("route.ts", path.join(APP, "api/v1")).map((file) => path.relative(path.join(APP, "api/v1"), file)).sort();
    expect([...Object.keys(API_V1_ROUTE_FILES), ...UNDOCUMENTED_API_V1_ROUTE_FILES].sort(), "app/api/v1/route-registry.ts vs the route files").toEqual(files);
    expect(files.length).toBeGreaterThan(10);
  });

  it("documents every method of every registered route, with its summary, permission and declared statuses", () => {
    expect(operations().map(({ method, apiPath }) => `${method} ${apiPath}`).sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
    const ids = new Set<string>();
    for (const route of routes) {
      const operation = (document.paths as Record<string, Record<string, TOperation>>)[route.path]![route.method.toLowerCase()]!;
      const key = `${route.method} ${route.path}`;
      expect(operation.summary, key).toBe(route.declaration.summary);
      expect(operation.summary.length, key).toBeGreaterThan(10);
      expect(operation["x-permission"], key).toBe(route.declaration.permission);
      expect(ids.has(operation.operationId), `${key}: operationId ${operation.operationId} is taken`).toBe(false);
      ids.add(operation.operationId);
      const bodyProperties = Object.keys(operation.requestBody?.content["application/json"].schema.properties ?? {});
      const errors = declaredErrorStatuses(route.declaration, route.method, bodyProperties);
      const documented = Object.keys(operation.responses).map(Number);
      expect(documented.filter((status) => status >= 400), key).toEqual(errors);
      expect(documented, key).toContain(route.declaration.successStatus ?? 200);
      expect(operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name), key).toEqual([...(route.declaration.params ?? [])]);
      if (route.declaration.permission === "public") expect(operation.security, key).toEqual([]);
      else expect(operation.security, key).toContainEqual({ bearerToken: [] });
    }
  });

  it("lists every write endpoint in the authorisation matrix, with a permission of SPEC §2 as its x-permission", () => {
    const writes = operations().filter(({ method }) => method !== "GET");
    expect(writes.length).toBeGreaterThan(8);
    for (const { apiPath, method, operation } of writes) {
      const route = routes.find((candidate) => candidate.path === apiPath && candidate.method === method)!;
      const key = `${method} api/v1/${route.file}`;
      expect(ROUTE_MATRIX[key], `${key} is missing from tests/authorization/matrix.ts`).toBeDefined();
      // The matrix test tries each row with the permission of the handler's own declaration: the
      // document must name that same permission, and it must be one SPEC §2 grants to some role.
      expect(operation["x-permission"], key).toBe(route.handler.declaration.permission);
      expect(PERMISSIONS as readonly string[], key).toContain(operation["x-permission"]);
      expect(operation.security, `${key} must not be open to anonymous callers`).not.toContainEqual({});
    }
  });

  it("asks clients only for what the server requires (defaults and completed fields are optional)", () => {
    const op = (apiPath: string, method: string) => (document.paths as Record<string, Record<string, TOperation>>)[apiPath]![method]!;
    const listQuery = op("/api/v1/agreements", "get").parameters;
    expect(listQuery.filter((parameter) => parameter.required)).toEqual([]);
    expect(listQuery.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["q", "party", "status", "cursor", "limit"]));
    const create = op("/api/v1/agreements", "post").requestBody!.content["application/json"].schema;
    expect(create.required).toEqual(expect.arrayContaining(["title", "kind", "partyCodes"]));
    expect(create.required).not.toContain("shortName");
    const edit = op("/api/v1/agreements/{slug}", "patch").requestBody!.content["application/json"].schema;
    expect(edit.required).toEqual(["version"]);
    const publish = op("/api/v1/status-changes/{id}/publish", "post").requestBody!.content["application/json"].schema;
    expect(Object.keys(publish.properties!)).toEqual(["version"]);
  });

  it("has examples that match their own schemas", () => {
    const { checkSchemaAt } = createValidator(document);
    let examples = 0;
    for (const { apiPath, method, operation } of operations()) {
      const media = operation.requestBody?.content["application/json"];
      if (!media || media.example === undefined) continue;
      examples += 1;
      expect(checkSchemaAt(pointer("paths", apiPath, method.toLowerCase(), "requestBody", "content", "application/json", "schema"), media.example), `${method} ${apiPath}`).toBeNull();
      // A whole body (not a PATCH's changed fields) also passes the server's own schema.
      const route = routes.find((candidate) => candidate.path === apiPath && candidate.method === method)!;
      if (!route.declaration.complete) expect(route.declaration.schema!.safeParse(media.example).error?.issues ?? [], `${method} ${apiPath}`).toEqual([]);
    }
    expect(examples).toBe(operations().filter(({ operation }) => operation.requestBody).length);
  });
});
