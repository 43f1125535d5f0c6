import "server-only";
import { readJsonBody } from "../api";
import { AppError } from "../errors";

/** A JSON request body that must be an object (the fields of a record). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readJsonBody(request, 8_000_000);
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("INVALID_INPUT", "Send a JSON object with the record's fields.");
  return body as Record<string, unknown>;
}
