import "server-only";
import { requestOrigin } from "../request-origin";

// Paged lists give the next page twice: in the body (`links.next`, a path) and as an RFC 8288
// `Link: <…>; rel="next"` header with the absolute URL, which generic HTTP clients follow.

function nextPath(result: unknown): string | null {
  if (!result || typeof result !== "object") return null;
  const links = (result as { links?: unknown }).links;
  if (!links || typeof links !== "object") return null;
  const next = (links as { next?: unknown }).next;
  return typeof next === "string" && next.startsWith("/") ? next : null;
}

/** The Link header for a list result whose `links.next` is set, else null. */
export function nextLinkHeader(request: Request, result: unknown): string | null {
  const next = nextPath(result);
  if (!next) return null;
  // Characters that would end the URI reference early are percent-encoded (they cannot occur in a path we built, but the query is the client's).
  const target = `${requestOrigin(request)}${next}`.replace(/[<>\s"]/g, (character) => encodeURIComponent(character));
  return `<${target}>; rel="next"`;
}
