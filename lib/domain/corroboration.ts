// Corroboration (issue 13, item 4): how many *independent* sources back a development, graded
// by Admiralty reliability, and from that a suggested credibility for each citation and a level
// for the development. Pure: the caller hands in each cited source with what it knows of the
// source it was syndicated from (the chain, resolved) and its publisher group.
import type { Reliability } from "../generated/prisma/enums";
import type { Credibility } from "./admiralty-grades";

/** A source as the rule sees it. */
export type TCorroborationSource = {
  id: string;
  publisher: string;
  /** The owner or wire agency the publisher belongs to ("Yonhap", "Nikkei"), set in the registry; null when none is recorded. */
  publisherGroup: string | null;
  /** The source this one carries (a Korea Herald page running a Yonhap report), if any. */
  syndicatedFromId: string | null;
  reliability: Reliability;
  /** Retired sources can no longer be trusted and back nothing. */
  isRetired: boolean;
};

/** The level of a development: WELL (2+ independent graded B or better), CORROBORATED (2+ independent), SINGLE (1), NONE (0). */
export const CORROBORATION_LEVELS = ["WELL_CORROBORATED", "CORROBORATED", "SINGLE_SOURCE", "UNCORROBORATED"] as const;
export type TCorroborationLevel = (typeof CORROBORATION_LEVELS)[number];
/** How readers and the desk name each level. */
export const CORROBORATION_LEVEL_LABELS: Record<TCorroborationLevel, string> = {
  WELL_CORROBORATED: "Well corroborated",
  CORROBORATED: "Corroborated",
  SINGLE_SOURCE: "Single source",
  UNCORROBORATED: "Uncorroborated",
};

/** How far a syndication chain is followed: a loop or a very long chain stops here, at the last source reached. */
const MAX_CHAIN = 10;
const RANK: Record<Reliability, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };
const isGoodGrade = (grade: Reliability) => RANK[grade] <= RANK.B;
/** What a claim no other independent source confirms can be believed, by its source's grade. */
const UNCONFIRMED_CREDIBILITY: Record<Reliability, Credibility> = { A: 2, B: 2, C: 3, D: 4, E: 5, F: 6 };

/** Where a source's report comes from: follows syndicatedFrom to the first source that carries no other (cycle-safe). */
export function originOf(source: TCorroborationSource, byId: ReadonlyMap<string, TCorroborationSource>): TCorroborationSource {
  let current = source;
  const seen = new Set([current.id]);
  for (let step = 0; step < MAX_CHAIN && current.syndicatedFromId; step += 1) {
    const next = byId.get(current.syndicatedFromId);
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
  }
  return current;
}

/** The independence key of a source: its origin's publisher group, else the origin's publisher (case and spacing ignored). */
export function independenceKey(source: TCorroborationSource, byId: ReadonlyMap<string, TCorroborationSource>): string {
  const origin = originOf(source, byId);
  const normalise = (name: string) => name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  return origin.publisherGroup?.trim() ? `group:${normalise(origin.publisherGroup)}` : `publisher:${normalise(origin.publisher)}`;
}

export type TCorroboration = {
  level: TCorroborationLevel;
  /** Independent groups among the cited sources (retired ones left out). */
  independent: number;
  /** Of those, the groups whose best source is graded A or B. */
  gradedBOrBetter: number;
  /** One sentence: "Confirmed by 3 independent sources, 2 graded B or better." */
  summary: string;
  /** Per cited source id: the credibility the rule suggests for a citation of it. */
  suggestedCredibility: Record<string, Credibility>;
};

/**
 * The corroboration of a development from the sources its citations name (each counted once,
 * whatever the number of citations). Sources whose origins share a publisher group or publisher
 * are one group (a wire report carried by several papers is one source); a group is as reliable
 * as its best member. Suggested credibility of a citation: 1 (confirmed by other sources) when
 * another independent group graded C or better backs the development; else 2 for a source graded
 * A–B, 3 for C, 4 for D, 5 for E, 6 for F (cannot be judged) — and 6 for a retired source.
 * `related` holds the sources the cited ones were syndicated from, so chains can be followed.
 */
export function corroborate(cited: readonly TCorroborationSource[], related: readonly TCorroborationSource[] = []): TCorroboration {
  const byId = new Map([...related, ...cited].map((source) => [source.id, source]));
  const unique = [...new Map(cited.map((source) => [source.id, source])).values()];
  const groups = new Map<string, Reliability>();
  for (const source of unique.filter((candidate) => !candidate.isRetired)) {
    const key = independenceKey(source, byId);
    const best = groups.get(key);
    if (best === undefined || RANK[source.reliability] < RANK[best]) groups.set(key, source.reliability);
  }
  const independent = groups.size;
  const gradedBOrBetter = [...groups.values()].filter(isGoodGrade).length;
  const level: TCorroborationLevel =
    gradedBOrBetter >= 2 ? "WELL_CORROBORATED" : independent >= 2 ? "CORROBORATED" : independent === 1 ? "SINGLE_SOURCE" : "UNCORROBORATED";

  const suggestedCredibility: Record<string, Credibility> = {};
  for (const source of unique) {
    if (source.isRetired) {
      suggestedCredibility[source.id] = 6;
      continue;
    }
    const own = independenceKey(source, byId);
    const isConfirmed = [...groups.entries()].some(([key, grade]) => key !== own && RANK[grade] <= RANK.C);
    suggestedCredibility[source.id] = isConfirmed ? 1 : UNCONFIRMED_CREDIBILITY[source.reliability];
  }
  return { level, independent, gradedBOrBetter, summary: summarise(independent, gradedBOrBetter), suggestedCredibility };
}

function summarise(independent: number, good: number): string {
  if (independent === 0) return "Not backed by any source still trusted.";
  const sources = `${independent} independent ${independent === 1 ? "source" : "sources"}`;
  return `${independent === 1 ? "Backed by" : "Confirmed by"} ${sources}, ${good === independent && independent > 1 ? "all" : good} graded B or better.`;
}
