import { canonicalizeUrl } from "./canonical-url";

/** Why two sources look like one: the three tests of the source registry (SPEC §3, issue 6). */
export type TDuplicateReason = "canonical-url" | "title-publisher" | "archive-url";

export const DUPLICATE_REASON_LABELS: Readonly<Record<TDuplicateReason, string>> = {
  "canonical-url": "same link under the current canonicalisation rules",
  "title-publisher": "same title and publisher",
  "archive-url": "same archived copy",
};

/** What the duplicate finder needs of a source. */
export type TDuplicateProbe = { id: string; url: string; title: string; publisher: string; archiveUrl: string | null };

/** A set of sources that look like one article, with the tests that tied them together. */
export type TDuplicateGroup = { sourceIds: string[]; reasons: TDuplicateReason[] };

// Titles and publishers differ in case, curly quotes, dashes and spacing between imports;
// letters and digits in any script are what identify them.
function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Key of "same title and publisher", or null when the title is too short to mean anything. */
export function titlePublisherKey(title: string, publisher: string): string | null {
  const normalizedTitle = normalizeText(title);
  if (normalizedTitle.length < 8) return null;
  return `${normalizeText(publisher)}\u0000${normalizedTitle}`;
}

/** The link as the current rules would store it; a stored link from before a rule change may differ. */
export function currentCanonicalUrl(url: string): string {
  const result = canonicalizeUrl(url);
  return result.ok ? result.url : url.trim();
}

/**
 * Collects the sources that share a canonical link, a title and publisher, or an archived copy
 * into groups (a source tied to two others by different tests joins them into one group).
 * Groups come out in a stable order: by their smallest source id.
 */
export class DuplicateFinder {
  private readonly parent = new Map<string, string>();
  // One map per test: building "reason + key" strings for every source cost more than the tests.
  private readonly firstByKey: Record<TDuplicateReason, Map<string, string>> = {
    "canonical-url": new Map(),
    "title-publisher": new Map(),
    "archive-url": new Map(),
  };
  private readonly reasonsByRoot = new Map<string, Set<TDuplicateReason>>();

  add(source: TDuplicateProbe): void {
    if (!this.parent.has(source.id)) this.parent.set(source.id, source.id);
    this.tie(source.id, "canonical-url", currentCanonicalUrl(source.url));
    const titleKey = titlePublisherKey(source.title, source.publisher);
    if (titleKey) this.tie(source.id, "title-publisher", titleKey);
    if (source.archiveUrl && source.archiveUrl.trim() !== "") this.tie(source.id, "archive-url", currentCanonicalUrl(source.archiveUrl));
  }

  groups(): TDuplicateGroup[] {
    const members = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const list = members.get(root) ?? [];
      list.push(id);
      members.set(root, list);
    }
    return [...members.entries()]
      .filter(([, ids]) => ids.length > 1)
      .map(([root, ids]) => ({ sourceIds: ids.sort(), reasons: [...(this.reasonsByRoot.get(root) ?? [])].sort() }))
      .sort((left, right) => (left.sourceIds[0]! < right.sourceIds[0]! ? -1 : 1));
  }

  private tie(id: string, reason: TDuplicateReason, key: string): void {
    const first = this.firstByKey[reason].get(key);
    if (!first) {
      this.firstByKey[reason].set(key, id);
      return;
    }
    const left = this.find(first);
    const right = this.find(id);
    const reasons = new Set([...(this.reasonsByRoot.get(left) ?? []), ...(this.reasonsByRoot.get(right) ?? []), reason]);
    if (left !== right) {
      this.parent.set(right, left);
      this.reasonsByRoot.delete(right);
    }
    this.reasonsByRoot.set(left, reasons);
  }

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later look-ups short on large registries.
    let current = id;
    while (current !== root) {
      const next = this.parent.get(current)!;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }
}

/** Finds duplicate groups in one call (the use case streams sources into a DuplicateFinder instead). */
export function findDuplicateGroups(sources: Iterable<TDuplicateProbe>): TDuplicateGroup[] {
  const finder = new DuplicateFinder();
  for (const source of sources) finder.add(source);
  return finder.groups();
}

/** What choosing the source to keep looks at. */
export type TMergeTargetCandidate = {
  id: string;
  url: string;
  retiredAt: Date | null;
  citationCount: number;
  isGraded: boolean;
  createdAt: Date;
};

/**
 * The source a group should be merged into: a live one before a retired one, one whose link is
 * already canonical, then the most cited, a graded one, the oldest.
 */
export function chooseMergeTarget<T extends TMergeTargetCandidate>(candidates: readonly T[]): T {
  const score = (candidate: T) => [
    candidate.retiredAt ? 1 : 0,
    currentCanonicalUrl(candidate.url) === candidate.url ? 0 : 1,
    -candidate.citationCount,
    candidate.isGraded ? 0 : 1,
    candidate.createdAt.getTime(),
  ];
  const sorted = [...candidates].sort((left, right) => {
    const [a, b] = [score(left), score(right)];
    for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
    return left.id < right.id ? -1 : 1;
  });
  if (!sorted[0]) throw new Error("chooseMergeTarget needs at least one candidate");
  return sorted[0];
}

/** A source counts as graded once an admin gave a grade with a reason; F without a note is the default. */
export function isGraded(source: { reliability: string; reliabilityNote: string | null }): boolean {
  return source.reliability !== "F" || (source.reliabilityNote ?? "").trim() !== "";
}
