/** Longest slug produced, suffix included. */
export const MAX_SLUG_LENGTH = 80;

const MAX_SUFFIX = 10_000;

/** Slug used when a title has no letters or digits that survive transliteration. */
export const FALLBACK_SLUG = "item";

// Letters that NFKD does not decompose into an ASCII base letter plus accents.
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
};

/** Cuts a slug to at most `length` characters, at a hyphen when one leaves most of it intact. */
function truncateSlug(slug: string, length: number): string {
  if (slug.length <= length) return slug;
  const cut = slug.slice(0, length);
  const lastHyphen = cut.lastIndexOf("-");
  // Prefer whole words, but not at the price of losing more than a third of the room.
  const wordBoundary = lastHyphen >= (length * 2) / 3 ? cut.slice(0, lastHyphen) : cut;
  return wordBoundary.replace(/-+$/, "");
}

/** A lowercase ASCII slug of words joined by hyphens, at most 80 characters, never empty ("Ōtsu Accord" → "otsu-accord"). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? "")
    // "Japan's" reads better as "japans" than as "japan-s".
    .replace(/['’‘`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return truncateSlug(slug, MAX_SLUG_LENGTH) || FALLBACK_SLUG;
}

/** The base slug, or the first of base-2, base-3 … that is not taken, kept within 80 characters. */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  // A predicate that never says "free" would otherwise spin forever.
  for (let counter = 2; counter <= MAX_SUFFIX; counter += 1) {
    const suffix = `-${counter}`;
    const candidate = `${truncateSlug(base, MAX_SLUG_LENGTH - suffix.length) || FALLBACK_SLUG}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
  throw new RangeError(`No free slug for "${base}" up to -${MAX_SUFFIX}.`);
}
