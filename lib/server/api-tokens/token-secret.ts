import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Tokens carry 256 random bits, so a fast hash is enough: nobody can guess their way back.
export const TOKEN_PREFIX = "pw_";

/** A new token secret, shown to its owner once. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What is stored and looked up: SHA-256 of the secret, hex. */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
