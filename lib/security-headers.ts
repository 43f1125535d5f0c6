// The response headers every page carries (set in proxy.ts, decision 014). Pure, so a unit test
// can read the policy without a server.

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The Content-Security-Policy for a page rendered with `nonce`: scripts only from our origin
 * with this response's nonce ('strict-dynamic' lets Next.js's own chunks load theirs), no
 * inline script, no plugins, no framing by anyone. Styles allow inline style attributes, which
 * React and Next.js write; they cannot run script.
 */
export function contentSecurityPolicy({ nonce, isDevelopment, isHttps }: { nonce: string; isDevelopment: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDevelopment ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Two years, subdomains included: only sent when the public origin is https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
