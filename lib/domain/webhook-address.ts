import { isIP } from "node:net";

// Which webhook URLs may be called (issue 14): https, or http to a loopback address outside
// production; in production no private, loopback or link-local address, so a subscriber cannot
// make the server call into its own network. Checked on the URL as written and again on every
// address its host resolves to (lib/server/subscriptions/webhook.ts).

/** True for loopback, private, link-local, CGNAT, unspecified and unique-local addresses. */
export function isPrivateAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const mapped = host.startsWith("::ffff:") ? host.slice(7) : host;
  if (isIP(mapped) === 4) {
    const [a, b] = mapped.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) return host === "::" || host === "::1" || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return false;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

/** Why the URL is refused as a webhook, or null when it may be used. */
export function webhookUrlProblem(value: string, isProduction: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Give a full URL, e.g. https://hooks.example.org/pactwatch";
  }
  if (url.username || url.password) return "Put no user name or password in the URL: verify the signature instead";
  if (url.protocol === "https:") return isProduction && isPrivateAddress(url.hostname) ? "Give a public address: private and loopback addresses are refused" : null;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return isProduction ? "Give an https URL with a public address" : null;
  return "Give an https URL (http only to this machine, outside production)";
}
