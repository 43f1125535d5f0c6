import "server-only";
import { AppError } from "../errors";
import { assertJsonContentType } from "./media-type";

/** The largest JSON body a route accepts unless its declaration says otherwise (8 MB, counted in UTF-8 bytes). */
export const DEFAULT_MAX_BODY_BYTES = 8_000_000;

function tooLarge(maxBytes: number): AppError {
  return new AppError("BODY_TOO_LARGE", `The body is larger than ${maxBytes} bytes.`, {}, { maxBytes });
}

/**
 * The body's bytes, refused as soon as they pass `maxBytes`: first by its Content-Length, then
 * while streaming (a chunked body has none), so an unbounded body is never buffered.
 */
export async function readLimitedBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads a JSON request body of at most `maxBytes` UTF-8 bytes, refusing anything else with a clear problem. */
export async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  assertJsonContentType(request);
  return parseJsonBytes(await readLimitedBytes(request, maxBytes));
}

/** Bytes already read (and fingerprinted for an idempotency key) as JSON: 400 when they are not. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("MALFORMED_BODY", "The body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's message names the position ("Unexpected token } in JSON at position 12").
    throw new AppError("MALFORMED_BODY", "The body is not valid JSON.", {}, { parseError: error instanceof Error ? error.message : String(error) });
  }
}

/** A JSON request body that must be an object (the fields of a record). */
export async function readJsonObject(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  return asJsonObject(await readJsonBody(request, maxBytes));
}

/** A parsed body that must be an object: valid JSON of the wrong shape is 422, like a wrong field. */
export function asJsonObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("INVALID_INPUT", "Send a JSON object with the record's fields.");
  return body as Record<string, unknown>;
}
