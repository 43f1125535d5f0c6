import "server-only";

// Every LIKE/ILIKE in the app (raw SQL and Prisma's contains/startsWith, which are LIKE
// underneath and do not escape: prisma/prisma#19506) goes through these, so a reader's "%" or "_"
// matches itself instead of everything, and a trailing "\" is no longer a malformed pattern (a
// database error, a 500). PostgreSQL's default LIKE escape character is the backslash.

/** The text with LIKE's metacharacters (\ % _) escaped, to match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A LIKE pattern matching any value that contains the text. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
