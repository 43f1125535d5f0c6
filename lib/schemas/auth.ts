import { z } from "zod";
import { text } from "./text";
import { Role } from "../generated/prisma/enums";

export const ZEmail = text({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as name@example.org" }).max(254, "Email addresses are at most 254 characters"));

/** Passwords: long enough to resist guessing, short enough not to be a hashing attack. */
export const ZNewPassword = text({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(256, "Use at most 256 characters");

export const ZRole = z.enum(Role, { error: "Choose a role: reader, analyst or admin" });

export const ZSignIn = z.object({
  email: ZEmail,
  password: text({ error: "Enter your password" }).min(1, "Enter your password").max(1024, "That password is too long"),
  callbackUrl: text().max(2048).optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZCreateUser = z.object({
  email: ZEmail,
  name: text({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Names are at most 120 characters"),
  role: ZRole,
  password: ZNewPassword,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

// A made-up origin to parse against: what matters is whether the parsed URL stays on it.
const OWN_ORIGIN = "http://pactwatch.invalid";
// Control characters (browsers strip tabs and newlines, so "/\t/evil" becomes "//evil"),
// backslashes (read as slashes), and Unicode spaces and format characters that can hide either.
const SUSPICIOUS = /[\u0000-\u001f\u007f-\u009f\\\p{Z}\p{Cf}]/u;
// Once percent-decoded, a plain space is ordinary ("?q=a%20b"); the rest stays suspicious.
const SUSPICIOUS_DECODED = /[\u0000-\u001f\u007f-\u009f\\\p{Cf}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Where to go after signing in: a same-origin path only ("/agreements/gsomia?x=1"), else "/".
 * The candidate is parsed against our own origin and must stay on it; anything with control
 * characters, backslashes or a leading "//" (raw or percent-encoded) is refused outright. The
 * answer is the parsed, percent-encoded form, so it is always a valid Location header.
 */
export function safeCallbackPath(candidate: string | undefined | null): string {
  if (typeof candidate !== "string" || candidate.length > 2048 || !candidate.startsWith("/")) return "/";
  const decoded = decodedOrNull(candidate);
  if (decoded === null || SUSPICIOUS.test(candidate) || SUSPICIOUS_DECODED.test(decoded)) return "/";
  if (candidate.startsWith("//") || decoded.startsWith("//")) return "/";
  let parsed: URL;
  try {
    parsed = new URL(candidate, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (parsed.origin !== OWN_ORIGIN || parsed.pathname.startsWith("//")) return "/";
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
