import "server-only";
import { getAppEnv } from "./env";

// host[:port] or [v6]:port, nothing else: the Host header is the client's to choose, so it is
// used only when it is a plain authority, and only for links in a response to that same client.
const AUTHORITY = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin links in a response should use: PUBLIC_URL when set (always, behind a proxy that
 * ends TLS), else the address the client asked for (its Host header). Next.js builds
 * request.url from the address the server is bound to (http://localhost:PORT), which a reader on
 * another machine cannot open.
 */
export function requestOrigin(request: Request): string {
  const env = getAppEnv();
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, "");
  const url = new URL(request.url);
  const host = request.headers.get("host")?.trim() ?? "";
  if (!AUTHORITY.test(host)) return url.origin;
  return `${url.protocol}//${host.toLowerCase()}`;
}
