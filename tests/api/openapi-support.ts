import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { GET as getOpenApiDocument } from "../../app/api/v1/openapi.json/route";
import type { TOpenApiDocument } from "../../lib/server/api/openapi/build-openapi-document";

// The OpenAPI document as a client gets it (through its own route), and an ajv validator for the
// schemas in it (JSON Schema 2020-12, OpenAPI 3.1's dialect), so tests hold real bodies to it.

export const DOCUMENT_ID = "https://pactwatch.test/api/v1/openapi.json";

export async function fetchDocument(): Promise<TOpenApiDocument> {
  const response = await getOpenApiDocument(new Request(DOCUMENT_ID), { params: Promise.resolve({}) });
  if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as TOpenApiDocument;
}

const escape = (part: string) => part.replaceAll("~", "~0").replaceAll("/", "~1");

/** A JSON pointer into the document: pointer("paths", "/api/v1/agreements", "get") → "#/paths/~1api~1v1~1agreements/get". */
export function pointer(...parts: (string | number)[]): string {
  return `#/${parts.map((part) => escape(String(part))).join("/")}`;
}

type TOperation = { parameters?: { name: string; in: string }[]; responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>; requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> } };

export function createValidator(document: TOpenApiDocument) {
  // strict off: the document around the schemas has OpenAPI's own members (paths, x-permission).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const operationOf = (path: string, method: string) => (document.paths as Record<string, Record<string, TOperation>>)[path]?.[method.toLowerCase()];

  /** The pointer to the schema a response with this status and media type must match (following a $ref to components.responses). */
  function responseSchemaPointer(path: string, method: string, status: number, mediaType: string): string | null {
    const operation = operationOf(path, method);
    const response = operation?.responses[String(status)];
    if (!response) return null;
    if (response.$ref) {
      const name = response.$ref.split("/").pop()!;
      return (document.components.responses as Record<string, { content: Record<string, unknown> }>)[name]?.content[mediaType] ? pointer("components", "responses", name, "content", mediaType, "schema") : null;
    }
    return response.content?.[mediaType] ? pointer("paths", path, method.toLowerCase(), "responses", String(status), "content", mediaType, "schema") : null;
  }

  /** Why `body` does not match the declared response (null when it does, or the status is not declared at all: say so). */
  function checkResponse(path: string, method: string, status: number, mediaType: string, body: unknown): string | null {
    const at = responseSchemaPointer(path, method, status, mediaType);
    if (!at) return `${method} ${path}: ${status} ${mediaType} is not declared`;
    const validate = ajv.getSchema(`${DOCUMENT_ID}${at}`);
    if (!validate) return `${method} ${path}: no schema at ${at}`;
    return validate(body) ? null : `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 400)}`;
  }

  function checkSchemaAt(at: string, value: unknown): string | null {
    const validate = ajv.getSchema(`${DOCUMENT_ID}${at}`)!;
    return validate(value) ? null : ajv.errorsText(validate.errors);
  }

  return { ajv, operationOf, checkResponse, checkSchemaAt, responseSchemaPointer };
}
