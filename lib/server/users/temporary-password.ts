import "server-only";
import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the password is read off a screen and typed or dictated once.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A random password to hand over once, four groups of five (about 100 bits): "k3m9x-…". */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
