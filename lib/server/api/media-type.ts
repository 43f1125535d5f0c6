import "server-only";
import { AppError } from "../errors";

// A body is JSON only when its Content-Type's media type is exactly application/json. Matching
// "contains application/json" let a cross-site page post `text/plain;charset=application/json`,
// which a browser sends without a CORS preflight (issue 10). Parameters are allowed, but a
// charset must be UTF-8, the only encoding JSON has (RFC 8259 §8.1).

const UNSUPPORTED = "Send the body as JSON with Content-Type: application/json.";

/** The media type and parameters of a Content-Type value, lower-cased; null when it does not parse. */
export function parseMediaType(value: string): { type: string; parameters: Record<string, string> } | null {
  const [essence = "", ...rest] = value.split(";");
  const type = essence.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return null;
  const parameters: Record<string, string> = {};
  for (const part of rest) {
    if (!part.trim()) continue;
    const match = /^\s*([a-z0-9!#$&^_.+-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s";]*)\s*$/i.exec(part);
    if (!match) return null;
    parameters[match[1]!.toLowerCase()] = match[2]!.replace(/^"(.*)"$/, "$1").toLowerCase();
  }
  return { type, parameters };
}

/** Refuses (415) a request whose body is not declared as application/json. */
export function assertJsonContentType(request: Request): void {
  const header = request.headers.get("content-type");
  const parsed = header === null ? null : parseMediaType(header);
  if (!parsed || parsed.type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", header === null ? `${UNSUPPORTED} The request had no Content-Type.` : UNSUPPORTED, {}, { accept: "application/json" });
  }
  const charset = parsed.parameters.charset;
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "JSON bodies are UTF-8: send Content-Type: application/json; charset=utf-8, or no charset.", {}, { accept: "application/json" });
  }
}
